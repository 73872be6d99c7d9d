import { EventEmitter } from 'node:events';

import type { DeskDisplay, Rect } from '../../../../../main/runtime/desk/display';

import { fakeEvent } from './fake-event';

/** What a test says about a display; the rest gets plausible defaults. */
export interface FakeDisplayOptions {
  id: number;
  label?: string;
  bounds?: Rect;
  /** Defaults to `bounds` less a 40 px task bar at the bottom. */
  workArea?: Rect;
  scaleFactor?: number;
}

/** A display built from the few fields a test cares about. */
export function fakeDisplay(options: FakeDisplayOptions): DeskDisplay {
  const bounds = options.bounds ?? { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    id: options.id,
    label: options.label ?? `Display ${options.id}`,
    bounds,
    workArea: options.workArea ?? { ...bounds, height: bounds.height - 40 },
    scaleFactor: options.scaleFactor ?? 1,
  };
}

/** A screen (as Electron's `screen`): displays that tests plug, unplug and change, with the screen's events. */
export class FakeScreen extends EventEmitter {
  #displays: DeskDisplay[];

  constructor(displays: DeskDisplay[] = [fakeDisplay({ id: 1 })]) {
    super();
    this.#displays = [...displays];
  }

  /** Every connected display. */
  getAllDisplays(): DeskDisplay[] {
    return [...this.#displays];
  }

  /** The first connected display. */
  getPrimaryDisplay(): DeskDisplay {
    const primary = this.#displays[0];
    if (!primary) throw new Error('FakeScreen has no display');
    return primary;
  }

  /** Test helper: plugs `display` in and emits `display-added`. */
  plug(display: DeskDisplay): void {
    this.#displays.push(display);
    this.emit('display-added', fakeEvent(), display);
  }

  /** Test helper: unplugs the display `id` and emits `display-removed`. */
  unplug(id: number): void {
    const display = this.#displays.find((d) => d.id === id);
    if (!display) throw new Error(`FakeScreen has no display ${id}`);
    this.#displays = this.#displays.filter((d) => d !== display);
    this.emit('display-removed', fakeEvent(), display);
  }

  /** Test helper: replaces the display `changed.id` and emits `display-metrics-changed`. */
  change(changed: DeskDisplay, changedMetrics: string[] = ['bounds', 'workArea']): void {
    this.#displays = this.#displays.map((d) => (d.id === changed.id ? changed : d));
    this.emit('display-metrics-changed', fakeEvent(), changed, changedMetrics);
  }
}
