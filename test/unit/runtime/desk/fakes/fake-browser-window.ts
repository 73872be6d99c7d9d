import { EventEmitter } from 'node:events';

import type { Rect } from '../../../../../main/runtime/desk/display';

import { fakeEvent } from './fake-event';
import { FakeWebContents } from './fake-web-contents';

let nextId = 1;

/** What a test may set when it makes a window. */
export interface FakeBrowserWindowOptions {
  bounds?: Rect;
  kiosk?: boolean;
}

/** A desk window (as Electron's `BrowserWindow`): bounds, kiosk, close/destroy and visibility, with its events. */
export class FakeBrowserWindow extends EventEmitter {
  /** Unique per fake window, like `BrowserWindow.id`. */
  readonly id = nextId++;
  /** The window's page. */
  readonly webContents = new FakeWebContents();
  #bounds: Rect;
  #kiosk: boolean;
  #destroyed = false;
  #visible = true;
  #focused = false;

  constructor(options: FakeBrowserWindowOptions = {}) {
    super();
    this.#bounds = options.bounds ?? { x: 0, y: 0, width: 800, height: 600 };
    this.#kiosk = options.kiosk ?? false;
  }

  /** Current bounds. */
  getBounds(): Rect {
    return { ...this.#bounds };
  }

  /** Same as `getBounds()`: the fake has no maximized or full-screen state. */
  getNormalBounds(): Rect {
    return this.getBounds();
  }

  /** Moves/resizes the window and emits `move` and `resize` like a user drag would. */
  setBounds(bounds: Partial<Rect>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }

  /** Whether the window is in kiosk mode. */
  isKiosk(): boolean {
    return this.#kiosk;
  }

  /** Enters or leaves kiosk mode. */
  setKiosk(flag: boolean): void {
    this.#kiosk = flag;
  }

  /** Emits `close`; unless a listener prevented it, destroys the window and emits `closed`. */
  close(): void {
    if (this.#destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  /** Destroys the window without `close` (nothing can prevent it) and emits `closed`. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }

  /** Whether the window is gone. */
  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Shows the window. */
  show(): void {
    this.#visible = true;
  }

  /** Whether the window is shown. */
  isVisible(): boolean {
    return this.#visible;
  }

  /** Focuses the window. */
  focus(): void {
    this.#focused = true;
  }

  /** Whether `focus()` was called. */
  isFocused(): boolean {
    return this.#focused;
  }

  /** Test helper: the page stops answering (`unresponsive`). */
  hang(): void {
    this.emit('unresponsive');
  }

  /** Test helper: the page answers again (`responsive`). */
  recover(): void {
    this.emit('responsive');
  }
}
