import { EventEmitter } from 'node:events';

import type { KeyInput } from '../../../../../main/runtime/desk/kiosk-keys';
import type { RendererGone } from '../../../../../main/runtime/desk/watchdog';

import { fakeEvent } from './fake-event';

/** A key press as tests write it: the key, plus whichever modifiers are held. */
export type KeyPress = Pick<KeyInput, 'key'> & Partial<KeyInput>;

/** A window's page (as Electron's `webContents`): an EventEmitter that records the calls made on it. */
export class FakeWebContents extends EventEmitter {
  /** Names of the methods called, in order (`reload`, `forcefullyCrashRenderer`, `loadURL`). */
  readonly calls: string[] = [];
  /** URLs passed to `loadURL`. */
  readonly loadedUrls: string[] = [];
  #destroyed = false;

  /** Records a reload. */
  reload(): void {
    this.calls.push('reload');
  }

  /** Records the call and, like Electron, reports the renderer gone with reason `killed`. */
  forcefullyCrashRenderer(): void {
    this.calls.push('forcefullyCrashRenderer');
    this.crash({ reason: 'killed', exitCode: 9 });
  }

  /** Records the URL. */
  loadURL(url: string): Promise<void> {
    this.calls.push('loadURL');
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  /** Whether `destroy()` ran. */
  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Marks the contents destroyed (its window closed). */
  destroy(): void {
    this.#destroyed = true;
  }

  /** Test helper: the renderer process dies. */
  crash(details: RendererGone = { reason: 'crashed', exitCode: 139 }): void {
    this.emit('render-process-gone', fakeEvent(), details);
  }

  /** Test helper: a key goes down in the page; returns whether main prevented it. */
  press(key: KeyPress): boolean {
    const input: KeyInput = {
      type: 'keyDown',
      shift: false,
      control: false,
      alt: false,
      meta: false,
      ...key,
    };
    const event = fakeEvent();
    this.emit('before-input-event', event, input);
    return event.defaultPrevented;
  }
}
