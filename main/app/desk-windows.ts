// The desk's windows as Electron makes them: a hardened wall window (window-options.ts) per opted-in display,
// guarded by the kiosk and watched by the watchdog. runtime/desk decides; this hands it Electron's objects.
import { join } from 'node:path';

import { BrowserWindow, powerMonitor, screen, type WebContents } from 'electron';
import type { Logger } from 'pino';

import { IPC_KIOSK_STATE, IPC_KIOSK_UNLOCK_PROMPT } from '../../common/ipc-channels';
import { wallFailurePage } from '../runtime/desk/desk-text';
import { createKiosk, type Kiosk } from '../runtime/desk/kiosk';
import { settingsThrottleMemory, UNLOCK_BACKOFF, UnlockThrottle } from '../runtime/desk/unlock-backoff';
import { hasKioskFlag } from '../runtime/desk/start-at-login';
import { createWallWindows, type WallWindowRequest, type WallWindows } from '../runtime/desk/wall-windows';
import { createWatchdog, type Watchdog } from '../runtime/desk/watchdog';
import { APP_START_URL } from './app-protocol';
import type { DesktopSettingsStore } from '../store/desktop-settings';
import { openWallWindow } from './window-options';

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');

/** The kiosk and the wall windows it guards. */
export interface DeskWindows {
  kiosk: Kiosk;
  walls: WallWindows;
}

/** Every live page of the app (IPC events go to these only). */
export function appPages(): WebContents[] {
  return BrowserWindow.getAllWindows()
    .filter((window) => !window.isDestroyed())
    .map((window) => window.webContents);
}

/** Shows the kiosk PIN prompt in a page. */
export function askForPin(page: Pick<WebContents, 'send' | 'isDestroyed'> | undefined): void {
  if (page !== undefined && !page.isDestroyed()) page.send(IPC_KIOSK_UNLOCK_PROMPT);
}

/** The kiosk (from `--kiosk` or the setting) and the wall windows; `onChange` hears kiosk and wall changes. */
export function setupDeskWindows(deps: {
  settings: DesktopSettingsStore;
  logger: Logger;
  onChange: () => void;
}): DeskWindows {
  const { settings, logger } = deps;
  const kioskLog = logger.child({ name: 'app/kiosk' });
  const kiosk = createKiosk({
    onChange: (active) => {
      deps.onChange();
      for (const page of appPages()) page.send(IPC_KIOSK_STATE, active);
    },
    throttle: new UnlockThrottle(UNLOCK_BACKOFF, Date.now, settingsThrottleMemory(settings, kioskLog)),
    wanted: hasKioskFlag(process.argv) || settings.get().kiosk_enabled,
    pinHash: () => settings.get().kiosk_pin_hash ?? undefined,
    powerMonitor,
    log: kioskLog,
    onUnlockRequested: (window) => {
      askForPin((window as unknown as BrowserWindow).webContents);
    },
  });
  const watchdog = setupWatchdog(logger);
  const walls = createWallWindows({
    screen,
    store: {
      get: () => settings.wallState(),
      set: (state) => {
        settings.setWallState(state);
      },
    },
    createWindow: (request) => {
      const window = openWall(request, logger);
      kiosk.guard(window);
      watchdog.watch(window, `wall ${request.displayId}`);
      return window;
    },
    kiosk: () => kiosk.active(),
    log: logger.child({ name: 'app/walls' }),
    onChange: deps.onChange,
  });
  return { kiosk, walls };
}

/** Reloads a crashed or hung wall; after too many, shows runtime's failure page and logs it loudly. */
function setupWatchdog(logger: Logger): Watchdog {
  return createWatchdog({
    log: logger.child({ name: 'app/watchdog' }),
    showFailure: (window, failure) => {
      logger.error(failure, 'a wall keeps failing: the watchdog stopped reloading it');
      (window as unknown as BrowserWindow).loadURL(wallFailurePage(failure)).catch(() => undefined);
    },
  });
}

/** A hardened wall window, shown once painted, loading the wall for its display (and view). */
function openWall(request: WallWindowRequest, logger: Logger): BrowserWindow {
  const window = openWallWindow(BrowserWindow, request, PRELOAD);
  window.once('ready-to-show', () => {
    window.show();
  });
  const query = new URLSearchParams({
    wall: request.displayId,
    ...(request.viewId ? { view: request.viewId } : {}),
  });
  window.loadURL(`${APP_START_URL}?${query.toString()}`).catch((error: unknown) => {
    logger.error({ err: error }, 'a wall window failed to load');
  });
  return window;
}
