// The desktop app's startup, as a table of contents: logs, quit, settings, secrets, the station (runtime starts
// Janus, the stores and the REST API exactly as for `vigil serve`), the guards and the app protocol, the desk's
// windows, IPC, and the shell around them (menu, tray, notifications, Janus alert). Every part registers its stop.
import { join } from 'node:path';

import { app, protocol, safeStorage, session, shell } from 'electron';
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { setupLogging, type StationLogging } from '../runtime/logging';
import { startStation, type StationOptions } from '../runtime/station';
import { Teardown } from '../runtime/teardown';
import { DEFAULT_WALL_FILES } from '../runtime/wall';
import type { SecretCipher } from '../store/secret-cipher';
import { APP_ORIGIN, handleAppProtocol } from './app-protocol';
import { bundledFiles } from './bundled-files';
import { setupDeskShell } from './desk-shell';
import { setupDeskWindows, type DeskWindows } from './desk-windows';
import { setupIpc } from './desktop-ipc';
import { DESKTOP_SETTINGS_FILE, type DesktopSettingsStore } from '../store/desktop-settings';
import type { StoreBackendFactory } from '../store/store-backend';
import { openDesktopStores } from './desktop-stores';
import { createDesktopCipher } from './safe-storage-cipher';
import { ExternalLinks, guardSession, guardWebContents } from './window-guards';

// out/main/index.js → the repository (development) or app.asar (installed; bundled files are then outside it).
const FILES = bundledFiles({
  packaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  repoRoot: join(import.meta.dirname, '../..'),
});

/** Starts the desktop app (after `app` is ready); resolves once the walls are open. */
export async function bootstrap(): Promise<void> {
  const dataDir = app.getPath('userData');
  const logging = setupLogging(dataDir, undefined);
  const { logger } = logging;
  const teardown = setupQuit(logging);
  const { settings, storeBackend } = openDesktopStores(dataDir);
  const secrets = await createDesktopCipher({ safeStorage, platform: process.platform, dataDir });
  const options = {
    ...stationOptions(dataDir, logger, settings, secrets.cipher, storeBackend),
    droppedLogLines: logging.droppedLines,
  };
  const { janus, core } = await startStation(options, teardown);
  const links = setupGuards(core.apiUrl, logger);
  handleAppProtocol(protocol, DEFAULT_WALL_FILES.dir, core.wallCsp, core.recording.recordings);
  // The menu, tray and display-sleep guard follow the kiosk and the walls; they exist once both do.
  const redraw = { desk: (): void => undefined };
  const windows = setupDeskWindows({
    settings,
    logger,
    onChange: () => {
      redraw.desk();
    },
  });
  setupIpc({ core, janus, settings, secretStorage: secrets.status, windows, logger }, teardown);
  redraw.desk = setupDeskShell({
    core,
    janus,
    windows,
    links,
    trayIcon: FILES.trayIcon,
    janusSetting: `"janus_mode" in ${join(dataDir, DESKTOP_SETTINGS_FILE)}`,
    logFile: logging.logFile,
    logger,
  });
  setupSecondInstance(windows);
  windows.walls.showAll();
  logger.info({ api: core.apiUrl, janus: janus.mode, kiosk: windows.kiosk.active() }, 'desktop app ready');
}

/** The station as the desktop runs it: Janus by janus_mode (and the environment), the API on loopback. */
function stationOptions(
  dataDir: string,
  logger: Logger,
  settings: DesktopSettingsStore,
  cipher: SecretCipher,
  storeBackend: StoreBackendFactory,
): StationOptions {
  const { janus_mode: mode, api_port: port } = settings.get();
  return {
    dataDir,
    logger,
    cipher,
    storeBackend,
    janus: {
      choice: { env: process.env, settings: { mode, name: 'janus_mode' } },
      bundled: {
        dataDir,
        origin: APP_ORIGIN,
        templatesDir: FILES.janusTemplates,
        image: { dockerfileDir: FILES.janusImage },
      },
    },
    iceServers: [],
    api: {
      host: '127.0.0.1',
      port,
      allowedHosts: [],
      corsOrigins: [],
      changeWith: { port: `api_port in ${DESKTOP_SETTINGS_FILE}` },
      pageOrigins: [APP_ORIGIN],
    },
    wall: DEFAULT_WALL_FILES,
  };
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

/** A second start of the app shows the walls of the running one. */
function setupSecondInstance(windows: DeskWindows): void {
  app.on('second-instance', () => {
    windows.walls.showAll();
  });
}

/** Quitting stops everything in reverse order first; a second quit while stopping is ignored. */
function setupQuit(logging: StationLogging): Teardown {
  const { logger } = logging;
  const teardown = new Teardown(logger);
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    event.preventDefault();
    stopping = true;
    logger.info('stopping');
    runInBackground(
      teardown.run().then((clean) => {
        logger.info({ clean }, 'stopped');
        logging.flush();
        app.exit(clean ? 0 : 1);
      }),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        logging.flush();
        app.exit(1);
      },
    );
  });
  app.on('window-all-closed', () => {
    // Walls may all be closed (monitors unplugged); the station keeps running in the tray.
  });
  return teardown;
}
