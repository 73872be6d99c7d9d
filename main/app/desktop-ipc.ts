// The desktop's IPC: the station's channels and the desktop's own (settings, kiosk, wall views), with what the
// settings page changes wired to runtime (Janus switches) and to the OS (start at login); station events are
// pushed to every page.
import { app, BrowserWindow, ipcMain, type WebContents } from 'electron';
import type { Logger } from 'pino';

import type { SecretStorageStatus } from '../../common/desktop';
import { PageWalls } from '../ipc/page-walls';
import { autostartFile, autostartPath, createStartAtLogin } from '../runtime/desk/start-at-login';
import type { StationCore } from '../runtime/station-core';
import type { StationGateway } from '../runtime/station-gateway';
import type { Teardown } from '../runtime/teardown';
import { APP_ORIGIN } from './app-protocol';
import { appPages, type DeskWindows } from './desk-windows';
import { registerDesktopChannels } from './desktop-channels';
import type { DesktopSettingsStore } from '../store/desktop-settings';
import { createIpcRegistry } from './ipc/handle';
import { forwardStationEvents, registerStationChannels } from './ipc/station-channels';

/** What the IPC channels act on. */
export interface DesktopIpcDeps {
  core: StationCore;
  janus: StationGateway;
  settings: DesktopSettingsStore;
  secretStorage: SecretStorageStatus;
  windows: DeskWindows;
  logger: Logger;
}

/** Registers every channel and the event forwarding; both are undone on `teardown`. */
export function setupIpc(deps: DesktopIpcDeps, teardown: Teardown): void {
  const { core, windows } = deps;
  const ipc = createIpcRegistry({ ipcMain, appOrigin: APP_ORIGIN, logger: deps.logger });
  teardown.add('IPC', () => {
    ipc.dispose();
    return Promise.resolve();
  });
  registerStationChannels(ipc, { ...core, recordings: core.recording.recordings });
  const pageWalls = new PageWalls<WebContents>(core.walls);
  const watched = new WeakSet<WebContents>();
  registerDesktopChannels(ipc, {
    settings: deps.settings,
    secretStorage: deps.secretStorage,
    apiUrl: core.apiUrl,
    kiosk: windows.kiosk,
    setStartAtLogin: createStartAtLogin({
      app,
      platform: process.platform,
      exec: process.env.APPIMAGE ?? process.execPath,
      writeAutostart: autostartFile(autostartPath(process.env, app.getPath('home'))),
    }),
    // Pages reload afterwards: their CSP names the Janus origins they may connect to.
    switchJanus: async (mode) => {
      await deps.janus.switchTo(mode);
      for (const page of appPages()) page.reload();
    },
    rememberView: (page, viewId) => {
      const window = BrowserWindow.fromWebContents(page);
      if (window !== null) windows.walls.setView(window, viewId);
    },
    nameWall: (page, name) => {
      pageWalls.name(page, name);
      if (watched.has(page)) return;
      watched.add(page);
      page.once('destroyed', () => {
        pageWalls.forget(page);
      });
    },
  });
  const stopEvents = forwardStationEvents(core.station, appPages, (page, event) =>
    pageWalls.reaches(page as WebContents, event),
  );
  teardown.add('station events', () => {
    stopEvents();
    return Promise.resolve();
  });
}
