// The desk's wall windows: one per opted-in display, restored with its view and bounds across restarts and
// replugs. Written against the few window and screen methods and events it uses (Electron's BrowserWindow and
// screen fit); main/app makes the hardened windows.
import type { Logger } from 'pino';

import type { DeskDisplay, Rect } from './display';
import { identify, matchWalls, wallKey } from './display-identity';
import type { Off, On, Preventable } from './events';
import { clampToArea, isOnDisplay, placeOnDisplay, relativeTo } from './wall-bounds';
import { readWallState, type SavedWall, type WallWindowStore } from './wall-state';

/** A display as menus and settings list it: whether it has a wall window. */
export interface WallChoice {
  displayId: number;
  label: string;
  enabled: boolean;
}

/** What the composition's hardened window factory is asked for. */
export interface WallWindowRequest {
  /** The wall's stable key (not Electron's display id, which may change). */
  displayId: string;
  bounds: Rect;
  viewId?: string;
  kiosk: boolean;
}

/** The part of a window the wall manager uses (an Electron `BrowserWindow` fits). */
export type WallWindow = {
  getNormalBounds(): Rect;
  setBounds(bounds: Rect): void;
  destroy(): void;
  isDestroyed(): boolean;
  show(): void;
  focus(): void;
} & On<'move', () => void> &
  On<'resize', () => void> &
  On<'close', (event: Preventable) => void> &
  On<'closed', () => void>;

type DisplayListener = (event: unknown, display: DeskDisplay) => void;
type MetricsListener = (event: unknown, display: DeskDisplay, changedMetrics: string[]) => void;

/** The part of the screen the wall manager uses: its displays and their add/remove/change events (Electron's fits). */
export type WallScreen = { getAllDisplays(): DeskDisplay[]; getPrimaryDisplay(): DeskDisplay } & On<
  'display-added',
  DisplayListener
> &
  Off<'display-added', DisplayListener> &
  On<'display-removed', DisplayListener> &
  Off<'display-removed', DisplayListener> &
  On<'display-metrics-changed', MetricsListener> &
  Off<'display-metrics-changed', MetricsListener>;

/** What `createWallWindows` needs. */
export interface WallWindowsDeps {
  screen: WallScreen;
  store: WallWindowStore;
  createWindow: (request: WallWindowRequest) => WallWindow;
  /** Whether windows open in kiosk (full screen, no escape). */
  kiosk: () => boolean;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Called after walls opened or closed or displays changed (menus, display-sleep blocker). */
  onChange?: () => void;
  /** How long bounds must rest after a move or resize before they are saved. */
  saveDelayMs?: number;
}

/** The wall windows: one per opted-in display, restored across restarts and replugs. */
export interface WallWindows {
  /** Every connected display and whether it has a wall (for menus and settings). */
  choices(): WallChoice[];
  /** Opts display `displayId` (Electron's id) in and opens its wall. */
  enable(displayId: number): void;
  /** Opts display `displayId` out and closes its wall. */
  disable(displayId: number): void;
  /** Opts display `displayId` in if it has no wall, else out (the Walls menu's checkbox). */
  toggle(displayId: number): void;
  /** Opens any missing wall on a connected display and brings every wall forward. */
  showAll(): void;
  /** Remembers that `window` now shows view `viewId`. */
  setView(window: WallWindow, viewId: string): void;
  /** How many wall windows are open. */
  openCount(): number;
  /** Stops following displays (windows stay). */
  dispose(): void;
}

/**
 * Opens a wall window on every opted-in display that is connected (in kiosk with none opted in, on the primary
 * display), and follows the screen: an unplugged monitor's window closes; plugged back, it returns with its view
 * and bounds; bounds are clamped onto the work area whenever they are placed or the display's metrics change.
 */
export function createWallWindows(deps: WallWindowsDeps): WallWindows {
  const saveDelayMs = deps.saveDelayMs ?? 500;
  const walls: SavedWall[] = readWallState(deps.store.get()).walls;
  const open = new Map<string, WallWindow>();
  const pendingSaves = new Map<string, ReturnType<typeof setTimeout>>();
  let matched = new Map<string, DeskDisplay>();

  const save = (): void => {
    deps.store.set({ walls: walls.map((wall) => ({ ...wall })) });
  };
  const changed = (): void => deps.onChange?.();
  const wallOf = (key: string): SavedWall | undefined => walls.find((w) => w.key === key);
  const keyOnDisplay = (displayId: number): string | undefined =>
    [...matched].find(([, display]) => display.id === displayId)?.[0];

  const rematch = (): void => {
    matched = matchWalls(walls, deps.screen.getAllDisplays());
    for (const [key, display] of matched) {
      const wall = wallOf(key);
      if (wall) wall.display = identify(display);
    }
  };

  const rememberBounds = (key: string, window: WallWindow): void => {
    clearTimeout(pendingSaves.get(key));
    pendingSaves.delete(key);
    const wall = wallOf(key);
    const display = matched.get(key);
    if (!wall || !display || window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    // The OS moves windows off a monitor that is going away before telling us: those bounds are not the wall's.
    if (!isOnDisplay(bounds, display)) return;
    wall.bounds = relativeTo(bounds, display);
    save();
  };

  const openWall = (wall: SavedWall, display: DeskDisplay): void => {
    const bounds = placeOnDisplay(wall.bounds, display);
    const window = deps.createWindow({
      displayId: wall.key,
      bounds,
      kiosk: deps.kiosk(),
      ...(wall.viewId === undefined ? {} : { viewId: wall.viewId }),
    });
    open.set(wall.key, window);
    const later = (): void => {
      clearTimeout(pendingSaves.get(wall.key));
      pendingSaves.set(
        wall.key,
        setTimeout(() => {
          rememberBounds(wall.key, window);
        }, saveDelayMs),
      );
    };
    window.on('move', later);
    window.on('resize', later);
    window.on('close', () => {
      if (pendingSaves.has(wall.key)) rememberBounds(wall.key, window);
    });
    window.on('closed', () => {
      if (open.get(wall.key) === window) open.delete(wall.key);
      changed();
    });
    deps.log.info({ wall: wall.key, display: display.id, bounds, viewId: wall.viewId }, 'wall window opened');
  };

  const closeWall = (key: string, why: string): void => {
    const window = open.get(key);
    clearTimeout(pendingSaves.get(key));
    pendingSaves.delete(key);
    open.delete(key);
    if (window && !window.isDestroyed()) {
      deps.log.info({ wall: key }, `wall window closed: ${why}`);
      // destroy, not close: neither the kiosk's close guard nor a bounds save applies to a monitor that went away.
      window.destroy();
    }
  };

  const openMissing = (): void => {
    for (const wall of walls) {
      const display = matched.get(wall.key);
      if (display && !open.has(wall.key)) openWall(wall, display);
    }
  };

  const enable = (displayId: number): void => {
    const display = deps.screen.getAllDisplays().find((d) => d.id === displayId);
    if (!display) return;
    if (keyOnDisplay(displayId) === undefined) {
      const identity = identify(display);
      walls.push({ key: wallKey(identity, new Set(walls.map((w) => w.key))), display: identity });
      rematch();
      save();
    }
    openMissing();
    changed();
  };

  const onAdded = (): void => {
    rematch();
    save();
    openMissing();
    changed();
  };
  const onRemoved = (_event: unknown, display: DeskDisplay): void => {
    const gone = [...open.keys()].filter((key) => matched.get(key)?.id === display.id);
    rematch();
    for (const key of gone) closeWall(key, `display ${display.id} was removed`);
    save();
    changed();
  };
  const onMetrics = (_event: unknown, display: DeskDisplay): void => {
    rematch();
    save();
    const key = keyOnDisplay(display.id);
    const window = key === undefined ? undefined : open.get(key);
    if (window && !deps.kiosk() && !window.isDestroyed()) {
      const bounds = window.getNormalBounds();
      const clamped = clampToArea(bounds, display.workArea);
      if (JSON.stringify(clamped) !== JSON.stringify(bounds)) window.setBounds(clamped);
    }
    changed();
  };

  const disable = (displayId: number): void => {
    const key = keyOnDisplay(displayId);
    if (key === undefined) return;
    walls.splice(
      walls.findIndex((w) => w.key === key),
      1,
    );
    closeWall(key, 'opted out');
    rematch();
    save();
    changed();
  };

  deps.screen.on('display-added', onAdded);
  deps.screen.on('display-removed', onRemoved);
  deps.screen.on('display-metrics-changed', onMetrics);

  rematch();
  if (deps.kiosk() && matched.size === 0) enable(deps.screen.getPrimaryDisplay().id);
  else openMissing();

  return {
    choices: () =>
      deps.screen.getAllDisplays().map((display) => ({
        displayId: display.id,
        label: display.label || `Display ${display.id}`,
        enabled: keyOnDisplay(display.id) !== undefined,
      })),
    enable,
    disable,
    toggle: (displayId) => {
      if (keyOnDisplay(displayId) === undefined) enable(displayId);
      else disable(displayId);
    },
    showAll: () => {
      openMissing();
      for (const window of open.values()) {
        window.show();
        window.focus();
      }
    },
    setView: (window, viewId) => {
      const key = [...open].find(([, w]) => w === window)?.[0];
      const wall = key === undefined ? undefined : wallOf(key);
      if (!wall) return;
      wall.viewId = viewId;
      save();
    },
    openCount: () => open.size,
    dispose: () => {
      deps.screen.off('display-added', onAdded);
      deps.screen.off('display-removed', onRemoved);
      deps.screen.off('display-metrics-changed', onMetrics);
      for (const timer of pendingSaves.values()) clearTimeout(timer);
    },
  };
}
