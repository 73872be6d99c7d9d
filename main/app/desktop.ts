// The desktop app's startup, as a table of contents: logs, settings, secrets, Janus, the station core and its
// REST API (exactly as `vigil serve` runs them), the app protocol and guards, IPC, kiosk, watchdog, the wall
// windows, tray, menu and notifications. Every part that starts registers how it stops.
import { join } from 'node:path';

import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  type WebContents,
} from 'electron';
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { IPC_KIOSK_UNLOCK_PROMPT } from '../../common/ipc-channels';
import { wallCsp } from '../api/routes/wall';
import { DEFAULT_WALL_FILES } from '../cli/serve-browser';
import { setupLogging } from '../cli/serve-logging';
import { Teardown } from '../cli/shutdown';
import type { Gateway } from '../gateway/gateway';
import { startStationCore, type StationCore } from '../runtime/station-core';
import type { DesktopSettingsStore } from '../store/desktop-settings';
import { GatewaySwitcher } from '../station/gateway-switcher';
import { setupApplicationMenu } from './application-menu';
import { APP_ORIGIN, APP_START_URL, handleAppProtocol } from './app-protocol';
import { bundledFiles } from './bundled-files';
import { setupCameraNotifications } from './camera-notifications';
import { registerDesktopChannels } from './desktop-channels';
import { createDesktopGateway } from './desktop-gateway';
import { openDesktopStores } from './desktop-stores';
import { createDisplaySleepGuard } from './display-sleep';
import { createIpcRegistry } from './ipc/handle';
import { forwardStationEvents, registerStationChannels } from './ipc/station-channels';
import { createKiosk, type Kiosk } from './kiosk';
import { createDesktopCipher } from './safe-storage-cipher';
import { autostartFile, autostartPath, createStartAtLogin, hasKioskFlag } from './start-at-login';
import { setupTray } from './tray';
import { createWallWindows, type WallWindow, type WallWindowRequest, type WallWindows } from './wall-windows';
import { createWatchdog, type Watchdog } from './watchdog';
import { ExternalLinks, guardSession, guardWebContents } from './window-guards';
import { openWallWindow } from './window-options';

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
// out/main/index.js → the repository (development) or app.asar (installed; bundled files are then outside it).
const FILES = bundledFiles({
  packaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  repoRoot: join(import.meta.dirname, '../..'),
});

/** Starts the desktop app (after `app` is ready); resolves once the walls are open. */
export async function bootstrap(): Promise<void> {
  const dataDir = app.getPath('userData');
  const logging = await setupLogging(dataDir, undefined);
  const { logger } = logging;
  const teardown = new Teardown(logger);
  setupQuit(
    teardown,
    () => {
      logging.flush();
    },
    logger,
  );
  const { settings, storeBackend } = openDesktopStores(dataDir);
  const secrets = await createDesktopCipher({ safeStorage, platform: process.platform, dataDir });
  const gatewayOptions = { dataDir, logger, files: FILES };
  const first = createDesktopGateway(settings.get().janus_mode, gatewayOptions);
  // Settings may switch Janus at run time: whichever is current is the one stopped at quit.
  const held: { switcher?: GatewaySwitcher } = {};
  const current = (): Gateway => held.switcher?.current ?? first;
  teardown.add('Janus', () => current().stop());
  await first.start();
  const core = await startStationCore(
    {
      dataDir,
      storeBackend,
      logger,
      cipher: secrets.cipher,
      gateway: {
        get mode() {
          return current().mode;
        },
        endpoints: first.endpoints,
      },
      iceServers: [],
      api: {
        host: '127.0.0.1',
        port: settings.get().api_port,
        allowedHosts: [],
        corsOrigins: [],
        pageOrigins: [APP_ORIGIN],
      },
      wall: DEFAULT_WALL_FILES,
    },
    teardown,
  );
  const janus = new GatewaySwitcher({ target: core.station, gateway: first, logger });
  held.switcher = janus;
  const links = setupGuards(core.apiUrl, logger);
  handleAppProtocol(protocol, DEFAULT_WALL_FILES.dir, () => wallCsp(core.station.gatewayUrls()));
  // The tray, menu and display-sleep guard follow the kiosk and the walls; they exist once both do.
  const desk = { changed: (): void => undefined };
  const kiosk = setupKiosk(settings, logger, () => {
    desk.changed();
  });
  const watchdog = setupWatchdog(logger);
  const walls = setupWalls({
    settings,
    kiosk,
    watchdog,
    logger,
    onChange: () => {
      desk.changed();
    },
  });
  const ipc = createIpcRegistry({ ipcMain, appOrigin: APP_ORIGIN, logger });
  teardown.add('IPC', () => {
    ipc.dispose();
    return Promise.resolve();
  });
  registerStationChannels(ipc, core.station, core.views, core.door);
  registerDesktopChannels(ipc, {
    settings,
    secretStorage: secrets.status,
    apiUrl: core.apiUrl,
    kiosk,
    setStartAtLogin: setupStartAtLogin(),
    // Pages reload afterwards: their CSP names the Janus origins they may connect to.
    switchJanus: async (mode) => {
      await janus.switchTo(createDesktopGateway(mode, gatewayOptions));
      for (const page of appPages()) page.reload();
    },
    rememberView: (page, viewId) => {
      const window = BrowserWindow.fromWebContents(page);
      if (window !== null) walls.setView(window, viewId);
    },
  });
  const stopEvents = forwardStationEvents(core.station, appPages);
  teardown.add('station events', () => {
    stopEvents();
    return Promise.resolve();
  });
  desk.changed = setupDesk({ core, walls, kiosk, links });
  app.on('second-instance', () => {
    walls.showAll();
  });
  walls.showAll();
  logger.info({ api: core.apiUrl, janus: janus.current.mode, kiosk: kiosk.active() }, 'desktop app ready');
}

/** Every live page of the app (IPC events go to these only). */
function appPages(): WebContents[] {
  return BrowserWindow.getAllWindows()
    .filter((window) => !window.isDestroyed())
    .map((window) => window.webContents);
}

/** Guards every page and the session; returns the links the app may open outside (the REST API docs). */
function setupGuards(apiUrl: string, logger: Logger): ExternalLinks {
  const links = new ExternalLinks();
  links.allow(`${apiUrl}/docs`);
  guardSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      appOrigin: APP_ORIGIN,
      links,
      shell,
      onOpenFailed: (error) => {
        logger.warn({ err: error }, 'the system could not open a link');
      },
    });
  });
  return links;
}

/** Kiosk from `--kiosk` or the setting; the unlock chord asks the page for the PIN. */
function setupKiosk(settings: DesktopSettingsStore, logger: Logger, onChange: () => void): Kiosk {
  return createKiosk({
    onChange,
    wanted: hasKioskFlag(process.argv) || settings.get().kiosk_enabled,
    pinHash: () => settings.get().kiosk_pin_hash ?? undefined,
    powerMonitor,
    log: logger.child({ name: 'app/kiosk' }),
    onUnlockRequested: (window) => {
      const page = (window as unknown as BrowserWindow).webContents;
      askForPin(page);
    },
  });
}

/** Shows the kiosk PIN prompt in a page. */
function askForPin(page: Pick<WebContents, 'send' | 'isDestroyed'> | undefined): void {
  if (page !== undefined && !page.isDestroyed()) page.send(IPC_KIOSK_UNLOCK_PROMPT);
}

/** Reloads a crashed or hung wall; after too many, shows the page's own failure message and logs it loudly. */
function setupWatchdog(logger: Logger): Watchdog {
  return createWatchdog({
    log: logger.child({ name: 'app/watchdog' }),
    showFailure: (window, failure) => {
      logger.error(failure, 'a wall keeps failing: the watchdog stopped reloading it');
      const page = `<!doctype html><meta charset="utf-8"><title>Vigil</title><body style="background:#0b0e13;color:#e6e6e6;font:16px sans-serif;padding:2em"><h1>This wall keeps failing</h1><p>Vigil reloaded it ${failure.reloads} times (${failure.reason}). The station keeps running; details are in the log. Use "Show walls" in the tray to try again.</p>`;
      (window as unknown as BrowserWindow)
        .loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`)
        .catch(() => undefined);
    },
  });
}

/** One hardened wall window per opted-in display, each guarded by the kiosk and watched by the watchdog. */
function setupWalls(deps: {
  settings: DesktopSettingsStore;
  kiosk: Kiosk;
  watchdog: Watchdog;
  logger: Logger;
  onChange: () => void;
}): WallWindows {
  const createWindow = (request: WallWindowRequest): WallWindow => {
    const window = openWallWindow(BrowserWindow, request, PRELOAD);
    deps.kiosk.guard(window);
    deps.watchdog.watch(window, `wall ${request.displayId}`);
    window.once('ready-to-show', () => {
      window.show();
    });
    const query = new URLSearchParams({
      wall: request.displayId,
      ...(request.viewId ? { view: request.viewId } : {}),
    });
    window.loadURL(`${APP_START_URL}?${query.toString()}`).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'a wall window failed to load');
    });
    return window;
  };
  return createWallWindows({
    screen,
    store: {
      get: () => deps.settings.wallState(),
      set: (state) => {
        deps.settings.setWallState(state);
      },
    },
    createWindow,
    kiosk: () => deps.kiosk.active(),
    log: deps.logger.child({ name: 'app/walls' }),
    onChange: deps.onChange,
  });
}

/** Start at login: the login item, or the XDG autostart file on Linux. */
function setupStartAtLogin(): (enabled: boolean, kiosk: boolean) => Promise<void> {
  return createStartAtLogin({
    app,
    platform: process.platform,
    exec: process.env.APPIMAGE ?? process.execPath,
    writeAutostart: autostartFile(autostartPath(process.env, app.getPath('home'))),
  });
}

/** Tray, menu, notifications and display sleep: the desk around the walls; returns what redraws them. */
function setupDesk(deps: {
  core: StationCore;
  walls: WallWindows;
  kiosk: Kiosk;
  links: ExternalLinks;
}): () => void {
  const { core, walls, kiosk } = deps;
  const sleep = createDisplaySleepGuard({ powerSaveBlocker });
  // Entering needs no PIN (it refuses without one set); leaving asks for it in the focused wall.
  const toggleKiosk = (): void => {
    if (kiosk.active()) askForPin(BrowserWindow.getFocusedWindow()?.webContents ?? appPages()[0]);
    else kiosk.enter();
  };
  const refreshMenu = setupApplicationMenu({
    Menu,
    options: { platform: process.platform, devTools: !app.isPackaged, docsUrl: `${core.apiUrl}/docs` },
    actions: {
      showWalls: () => {
        walls.showAll();
      },
      wallChoices: () => walls.choices(),
      toggleWall: (displayId) => {
        const enabled = walls.choices().find((choice) => choice.displayId === displayId)?.enabled;
        if (enabled === true) walls.disable(displayId);
        else walls.enable(displayId);
      },
      isKiosk: () => kiosk.active(),
      toggleKiosk,
      openExternal: (url) => {
        if (deps.links.has(url)) shell.openExternal(url).catch(() => undefined);
      },
    },
  });
  const tray = setupTray({
    tray: new Tray(FILES.trayIcon),
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Electron's own factory
    buildMenu: (template) => Menu.buildFromTemplate(template),
    cameras: core.station,
    actions: {
      showWalls: () => {
        walls.showAll();
      },
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
    onClick: () => {
      walls.showAll();
    },
  });
  const changed = (): void => {
    refreshMenu();
    tray.refresh();
    sleep.set(kiosk.active() || walls.openCount() > 0);
  };
  changed();
  return changed;
}

/** Quitting stops everything in reverse order first; a second quit while stopping is ignored. */
function setupQuit(teardown: Teardown, flush: () => void, logger: Logger): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    event.preventDefault();
    stopping = true;
    logger.info('stopping');
    runInBackground(
      teardown.run().then((clean) => {
        logger.info({ clean }, 'stopped');
        flush();
        app.exit(clean ? 0 : 1);
      }),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        flush();
        app.exit(1);
      },
    );
  });
  app.on('window-all-closed', () => {
    // Walls may all be closed (monitors unplugged); the station keeps running in the tray.
  });
}
