import type { Display, Rectangle } from 'electron';
import { EventEmitter } from 'node:events';

import { fakeEvent } from './fake-event';

/** What a test says about a display; the rest gets plausible defaults. */
export interface FakeDisplayOptions {
  id: number;
  label?: string;
  bounds?: Rectangle;
  /** Defaults to `bounds` less a 40 px task bar at the bottom. */
  workArea?: Rectangle;
  scaleFactor?: number;
  internal?: boolean;
}

/** A complete `Display` built from the few fields a test cares about. */
export function fakeDisplay(options: FakeDisplayOptions): Display {
  const bounds = options.bounds ?? { x: 0, y: 0, width: 1920, height: 1080 };
  const workArea = options.workArea ?? { ...bounds, height: bounds.height - 40 };
  return {
    id: options.id,
    label: options.label ?? `Display ${options.id}`,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: options.scaleFactor ?? 1,
    internal: options.internal ?? false,
    rotation: 0,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    colorDepth: 24,
    colorSpace: '',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    nativeOrigin: { x: bounds.x, y: bounds.y },
  };
}

/** Stand-in for `screen`: a list of displays that tests plug, unplug and change, with Electron's events. */
export class FakeScreen extends EventEmitter {
  #displays: Display[];

  constructor(displays: Display[] = [fakeDisplay({ id: 1 })]) {
    super();
    this.#displays = [...displays];
  }

  /** Every connected display. */
  getAllDisplays(): Display[] {
    return [...this.#displays];
  }

  /** The first connected display. */
  getPrimaryDisplay(): Display {
    const primary = this.#displays[0];
    if (!primary) throw new Error('FakeScreen has no display');
    return primary;
  }

  /** Test helper: plugs `display` in and emits `display-added`. */
  plug(display: Display): void {
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
  change(changed: Display, changedMetrics: string[] = ['bounds', 'workArea']): void {
    this.#displays = this.#displays.map((d) => (d.id === changed.id ? changed : d));
    this.emit('display-metrics-changed', fakeEvent(), changed, changedMetrics);
  }
}
