// The desk around the walls, in Electron: the application menu, the tray, camera notifications, the display-sleep
// blocker and the Janus alert. Returns what redraws them when the kiosk, the walls or Janus change.
import { app, BrowserWindow, dialog, Menu, Notification, powerSaveBlocker, shell, Tray } from 'electron';
import type { Logger } from 'pino';

import type { StationCore } from '../runtime/station-core';
import type { StationGateway } from '../runtime/station-gateway';
import { setupApplicationMenu } from './application-menu';
import { setupCameraNotifications } from './camera-notifications';
import { appPages, askForPin, type DeskWindows } from './desk-windows';
import { createDisplaySleepGuard } from './display-sleep';
import { setupJanusAlert } from './janus-alert';
import { setupTray } from './tray';
import type { ExternalLinks } from './window-guards';

/** What the desk shell shows and acts on. */
export interface DeskShellDeps {
  core: StationCore;
  janus: StationGateway;
  windows: DeskWindows;
  links: ExternalLinks;
  trayIcon: string;
  /** Where Janus is chosen and where the log is, for the Janus alert. */
  janusSetting: string;
  logFile: string;
  logger: Logger;
}

/** Sets up menu, tray, notifications, display sleep and the Janus alert; returns the redraw. */
export function setupDeskShell(deps: DeskShellDeps): () => void {
  const { core, janus } = deps;
  const { kiosk, walls } = deps.windows;
  const sleep = createDisplaySleepGuard({ powerSaveBlocker });
  // Entering needs no PIN (it refuses without one set); leaving asks for it in the focused wall.
  const toggleKiosk = (): void => {
    if (kiosk.active()) askForPin(BrowserWindow.getFocusedWindow()?.webContents ?? appPages()[0]);
    else kiosk.enter();
  };
  const showWalls = (): void => {
    walls.showAll();
  };
  const refreshMenu = setupApplicationMenu({
    Menu,
    options: { platform: process.platform, devTools: !app.isPackaged, docsUrl: `${core.apiUrl}/docs` },
    actions: {
      showWalls,
      wallChoices: () => walls.choices(),
      toggleWall: (displayId) => {
        walls.toggle(displayId);
      },
      isKiosk: () => kiosk.active(),
      toggleKiosk,
      openExternal: (url) => {
        if (deps.links.has(url)) shell.openExternal(url).catch(() => undefined);
      },
    },
  });
  const tray = setupTray({
    tray: new Tray(deps.trayIcon),
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Electron's own factory
    buildMenu: (template) => Menu.buildFromTemplate(template),
    cameras: core.station,
    janus: () => janus.state(),
    actions: {
      showWalls,
      isKiosk: () => kiosk.active(),
      toggleKiosk,
      quit: () => {
        if (!kiosk.active()) app.quit();
      },
    },
  });
  setupCameraNotifications({
    cameras: core.station,
    notify: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    onClick: showWalls,
  });
  const redraw = (): void => {
    refreshMenu();
    tray.refresh();
    sleep.set(kiosk.active() || walls.openCount() > 0);
  };
  setupJanusAlert({
    janus,
    dialog,
    setting: deps.janusSetting,
    logFile: deps.logFile,
    onChange: redraw,
    onDialogFailed: (error) => {
      deps.logger.warn({ err: error }, 'the Janus alert could not be shown');
    },
  });
  redraw();
  return redraw;
}
