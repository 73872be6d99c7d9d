import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  createWallWindows,
  type WallWindowRequest,
  type WallWindows,
  type WallWindowsDeps,
} from '../../../../main/runtime/desk/wall-windows';
import type { WallWindowState } from '../../../../main/runtime/desk/wall-state';
import { FakeBrowserWindow, FakeScreen, fakeDisplay, fakeLogger } from './fakes';

const main = fakeDisplay({ id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
const side = fakeDisplay({
  id: 2,
  label: 'DELL U2415',
  bounds: { x: 1920, y: 0, width: 1920, height: 1200 },
});

class MemoryStore {
  constructor(public value?: unknown) {}
  get = (): unknown => this.value;
  set = (state: WallWindowState): void => {
    this.value = JSON.parse(JSON.stringify(state)) as unknown;
  };
  walls(): WallWindowState['walls'] {
    return (this.value as WallWindowState).walls;
  }
}

describe('createWallWindows', () => {
  let screen: FakeScreen;
  let store: MemoryStore;
  let requests: WallWindowRequest[];
  let windows: FakeBrowserWindow[];
  let kiosk: boolean;
  let walls: WallWindows | undefined;
  let changes: number;

  const start = (overrides: Partial<WallWindowsDeps> = {}): WallWindows => {
    walls = createWallWindows({
      screen,
      store,
      kiosk: () => kiosk,
      log: fakeLogger(),
      onChange: () => {
        changes++;
      },
      createWindow: (request) => {
        requests.push(request);
        const window = new FakeBrowserWindow({ bounds: request.bounds, kiosk: request.kiosk });
        windows.push(window);
        return window;
      },
      ...overrides,
    });
    return walls;
  };
  const lastWindow = (): FakeBrowserWindow => {
    const window = windows.at(-1);
    if (!window) throw new Error('no window was opened');
    return window;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    screen = new FakeScreen([main, side]);
    store = new MemoryStore();
    requests = [];
    windows = [];
    kiosk = false;
    changes = 0;
  });
  afterEach(() => {
    walls?.dispose();
    vi.useRealTimers();
  });

  it('opens nothing until a display is opted in, then a wall filling its work area', () => {
    const wallWindows = start();
    expect(requests).toEqual([]);
    expect(wallWindows.choices()).toEqual([
      { displayId: 1, label: 'Built-in', enabled: false },
      { displayId: 2, label: 'DELL U2415', enabled: false },
    ]);
    wallWindows.enable(2);
    expect(requests).toEqual([{ displayId: 'dell-u2415-2', bounds: side.workArea, kiosk: false }]);
    expect(wallWindows.choices()[1]?.enabled).toBe(true);
    expect(store.walls().map((w) => w.key)).toEqual(['dell-u2415-2']);
    expect(changes).toBeGreaterThan(0);
    wallWindows.enable(2);
    expect(requests).toHaveLength(1);
  });

  it('toggle opts a display in, then out again (closing its wall)', () => {
    const wallWindows = start();
    wallWindows.toggle(2);
    expect(wallWindows.openCount()).toBe(1);
    wallWindows.toggle(2);
    expect(wallWindows.openCount()).toBe(0);
    expect(lastWindow().isDestroyed()).toBe(true);
    expect(wallWindows.choices()[1]?.enabled).toBe(false);
    expect(store.walls()).toEqual([]);
  });

  it('remembers bounds (relative to the display) once a move settles, and the view', () => {
    const wallWindows = start();
    wallWindows.enable(2);
    lastWindow().setBounds({ x: 2020, y: 100, width: 800, height: 600 });
    expect(store.walls()[0]?.bounds).toBeUndefined();
    vi.advanceTimersByTime(500);
    expect(store.walls()[0]?.bounds).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    wallWindows.setView(lastWindow(), 'lobby');
    expect(store.walls()[0]?.viewId).toBe('lobby');
  });

  it('restores each wall after a restart with its view and bounds', () => {
    const first = start();
    first.enable(2);
    lastWindow().setBounds({ x: 2020, y: 100, width: 800, height: 600 });
    first.setView(lastWindow(), 'gates');
    lastWindow().close();
    first.dispose();

    requests = [];
    start();
    expect(requests).toEqual([
      {
        displayId: 'dell-u2415-2',
        viewId: 'gates',
        bounds: { x: 2020, y: 100, width: 800, height: 600 },
        kiosk: false,
      },
    ]);
  });

  it('closes the wall of an unplugged monitor and brings it back, with view and bounds, when plugged in again', () => {
    const wallWindows = start();
    wallWindows.enable(2);
    const before = lastWindow();
    before.setBounds({ x: 2020, y: 100, width: 800, height: 600 });
    vi.advanceTimersByTime(500);
    wallWindows.setView(before, 'gates');

    // The OS first moves the window onto the remaining monitor, then (here after the move settled) reports the removal.
    before.setBounds({ x: 100, y: 100, width: 800, height: 600 });
    vi.advanceTimersByTime(500);
    screen.unplug(2);
    expect(before.isDestroyed()).toBe(true);
    expect(wallWindows.openCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(store.walls()[0]).toMatchObject({ viewId: 'gates', bounds: { x: 100, y: 100 } });
    expect(wallWindows.choices().map((c) => c.displayId)).toEqual([1]);

    // Back, arranged to the left of the main monitor this time.
    screen.plug(
      fakeDisplay({ id: 2, label: 'DELL U2415', bounds: { x: -1920, y: 0, width: 1920, height: 1200 } }),
    );
    expect(wallWindows.openCount()).toBe(1);
    expect(requests.at(-1)).toEqual({
      displayId: 'dell-u2415-2',
      viewId: 'gates',
      bounds: { x: -1820, y: 100, width: 800, height: 600 },
      kiosk: false,
    });
    expect(wallWindows.choices().find((c) => c.displayId === 2)?.enabled).toBe(true);
  });

  it('does not move the wall of an unplugged monitor onto its twin', () => {
    screen.plug(
      fakeDisplay({ id: 3, label: 'DELL U2415', bounds: { x: 3840, y: 0, width: 1920, height: 1200 } }),
    );
    const wallWindows = start();
    wallWindows.enable(2);
    screen.unplug(2);
    expect(wallWindows.openCount()).toBe(0);
    expect(wallWindows.choices()).toContainEqual({ displayId: 3, label: 'DELL U2415', enabled: false });
    expect(store.walls()[0]?.display.id).toBe(2);
  });

  it('does not open a wall for an absent monitor, and keeps it for when it returns', () => {
    const saved: WallWindowState = {
      walls: [{ key: 'hp-9', display: { id: 9, label: 'HP', width: 2560, height: 1440, x: 3840, y: 0 } }],
    };
    store = new MemoryStore(saved);
    start();
    expect(requests).toEqual([]);
    screen.plug(fakeDisplay({ id: 9, label: 'HP', bounds: { x: 3840, y: 0, width: 2560, height: 1440 } }));
    expect(requests.map((r) => r.displayId)).toEqual(['hp-9']);
  });

  it('clamps a wall onto the work area when the display shrinks', () => {
    const wallWindows = start();
    wallWindows.enable(2);
    lastWindow().setBounds({ x: 2920, y: 500, width: 900, height: 600 });
    screen.change(
      fakeDisplay({ id: 2, label: 'DELL U2415', bounds: { x: 1920, y: 0, width: 1280, height: 720 } }),
    );
    expect(lastWindow().getBounds()).toEqual({ x: 2300, y: 80, width: 900, height: 600 });
  });

  it('clamps saved bounds that no longer fit when restoring', () => {
    store = new MemoryStore({
      walls: [
        {
          key: 'dell-u2415-2',
          display: { id: 2, label: 'DELL U2415', width: 1920, height: 1200, x: 1920, y: 0 },
          bounds: { x: 1800, y: -50, width: 5000, height: 600 },
        },
      ],
    });
    start();
    expect(requests[0]?.bounds).toEqual({ x: 1920, y: 0, width: 1920, height: 600 });
  });

  it('in kiosk with nothing opted in, opens a kiosk wall on the primary display', () => {
    kiosk = true;
    start();
    expect(requests).toEqual([{ displayId: 'built-in-1', bounds: main.workArea, kiosk: true }]);
  });

  it('opting out closes the wall and forgets it', () => {
    const wallWindows = start();
    wallWindows.enable(2);
    wallWindows.disable(2);
    expect(lastWindow().isDestroyed()).toBe(true);
    expect(store.walls()).toEqual([]);
    expect(wallWindows.choices()[1]?.enabled).toBe(false);
  });

  it('show walls reopens a wall the user closed and focuses every wall', () => {
    const wallWindows = start();
    wallWindows.enable(1);
    wallWindows.enable(2);
    windows[0]?.close();
    expect(wallWindows.openCount()).toBe(1);
    wallWindows.showAll();
    expect(wallWindows.openCount()).toBe(2);
    expect(windows.filter((w) => !w.isDestroyed()).every((w) => w.isFocused())).toBe(true);
  });

  it('stops following the screen once disposed', () => {
    const wallWindows = start();
    wallWindows.dispose();
    expect(screen.listenerCount('display-added')).toBe(0);
    expect(screen.listenerCount('display-removed')).toBe(0);
    expect(screen.listenerCount('display-metrics-changed')).toBe(0);
  });
});
