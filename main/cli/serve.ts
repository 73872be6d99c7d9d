// `vigil serve`: the headless station. bootstrap reads like a table of contents — data folder, logs, camera
// and view stores, API keys, Janus, demo cameras, station, REST API with the wall, sign-in link — and every
// part that starts registers how it stops.
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from 'pino';

import { buildApi } from '../api/app';
import type { ApiDeps, ApiInstance } from '../api/types';
import { openApiKeyStore, type ApiKeyStore } from '../cameras/api-keys';
import { openCameraStore, type CameraStore } from '../cameras/camera-store';
import { createKeyFileCipher } from '../cameras/secret-cipher';
import { openViewStore } from '../cameras/view-store';
import { addDemoCameras, startDemoCameras, type DemoCameras } from '../demo/demo-cameras';
import { Station } from '../station/station';
import { ViewService } from '../station/views';
import type { ServeArgs } from './args';
import { CliError } from './cli-error';
import { ensureDataDir, resolveDataDir } from './data-dir';
import type { Output } from './output';
import { DEFAULT_WALL_FILES, setupSessions, writeSignInUrl } from './serve-browser';
import { setupGateway } from './serve-gateway';
import { setupLogging, type StationLogging } from './serve-logging';
import { EXIT_FORCED, firstStopSignal, Teardown } from './shutdown';
import { formatStartupMessage } from './startup-message';
import { reportError } from './user-errors';
import { vigilVersion } from './version';

const SHUTDOWN_DEADLINE_MS = 20_000;

/** Runs the station until SIGTERM/SIGINT (or until the bundled Janus gives up); resolves to the exit code. */
export async function serve(args: ServeArgs, out: Output): Promise<number> {
  const dataDir = resolveDataDir(args.dataDir);
  await ensureDataDir(dataDir);
  const logging = await setupLogging(dataDir, args.logLevel);
  const { logger } = logging;
  const stopSignal = firstStopSignal((why) => {
    out.stderr(`vigil: ${why}\n`);
    logging.flush();
    process.exit(EXIT_FORCED);
  }, SHUTDOWN_DEADLINE_MS);
  const teardown = new Teardown(logger);
  try {
    const store = await setupCameraStore(dataDir, logger);
    const views = new ViewService(openViewStore({ dataDir }));
    const keys = openApiKeyStore(dataDir);
    const manageKeyFile = keys.ensureManageKey();
    const gateway = setupGateway(args, dataDir, logger);
    teardown.add('Janus', () => gateway.stop());
    await gateway.start();
    const demo = args.demo === undefined ? undefined : await setupDemo(args.demo, logger, teardown);
    const metrics = setupMetrics();
    const station = await Station.start({
      dataDir,
      store,
      gateway: gateway.endpoints,
      logger,
      metrics,
      iceServers: args.iceServers.map((urls) => ({ urls })),
    });
    teardown.add('station', () => station.stop({ removeMountpoints: gateway.mode !== 'remote' }));
    if (demo !== undefined) await addDemoCameras(station, demo.inputs, logger);
    const sessions = setupSessions(args);
    const api = await setupApi(args, { station, keys, logger, metrics, views, sessions });
    teardown.add('REST API', () => api.close());
    const apiUrl = await listen(api, args);
    logger.info({ url: apiUrl, janus: gateway.mode }, 'station listening');
    const signIn = await writeSignInUrl(dataDir, sessions, args.publicUrl?.href ?? apiUrl);
    out.stdout(
      formatStartupMessage({
        apiUrl,
        publicUrl: args.publicUrl?.href,
        host: args.host,
        manageKeyFile,
        janusMode: gateway.mode,
        janusUrl: gateway.endpoints.urls.http,
        dataDir,
        logFile: logging.logFile,
        signIn,
        demoCameras: demo?.inputs.map((input) => input.camera_id),
      }),
    );
    const ended = await Promise.race([stopSignal.then((signal) => ({ signal })), gateway.gaveUp]);
    return await shutdown(ended, teardown, logging, out);
  } catch (error) {
    logging.fileLogger.error({ err: error }, 'vigil serve failed');
    await teardown.run();
    logging.flush();
    return reportError(error, out, `Details are in ${logging.logFile}.`);
  }
}

async function shutdown(
  ended: { signal: NodeJS.Signals } | { reason: string },
  teardown: Teardown,
  logging: StationLogging,
  out: Output,
): Promise<number> {
  if ('signal' in ended) logging.logger.info({ signal: ended.signal }, 'stopping');
  else out.stderr(`vigil: the bundled Janus keeps failing, so the station stops: ${ended.reason}\n`);
  const clean = await teardown.run();
  logging.logger.info({ clean }, 'stopped');
  logging.flush();
  return 'signal' in ended && clean ? 0 : 1;
}

/** The key-file cipher and the camera store; a damaged store stops the station with the store's message. */
async function setupCameraStore(dataDir: string, logger: Logger): Promise<CameraStore> {
  const cipher = await createKeyFileCipher(dataDir);
  return openCameraStore({ dataDir, cipher, logger: logger.child({ name: 'cameras/store' }) });
}

/** Starts the simulated cameras (stopped after the station, which holds their mountpoints). */
async function setupDemo(count: number, logger: Logger, teardown: Teardown): Promise<DemoCameras> {
  const demo = await startDemoCameras(count, logger);
  teardown.add('demo cameras', () => demo.stop());
  return demo;
}

/** One registry for the process: Node's default metrics, the API's and the station's. */
function setupMetrics(): Registry {
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  return metrics;
}

async function setupApi(
  args: ServeArgs,
  deps: Pick<ApiDeps, 'logger' | 'metrics' | 'views' | 'sessions'> & { station: Station; keys: ApiKeyStore },
): Promise<ApiInstance> {
  const publicHosts = args.publicUrl === undefined ? [] : [args.publicUrl.host, args.publicUrl.hostname];
  return buildApi({
    ...deps,
    version: vigilVersion(),
    bind: { host: args.host, port: args.port },
    allowedHosts: [...new Set([...args.allowedHosts, ...publicHosts])],
    corsOrigins: args.corsOrigins,
    wall: DEFAULT_WALL_FILES,
  });
}

/** Listens on the bind address; a taken port or a foreign address becomes a message naming the flag. */
async function listen(api: ApiInstance, args: ServeArgs): Promise<string> {
  try {
    await api.listen({ host: args.host, port: args.port });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const where = `${args.host}:${args.port}`;
    const why: Record<string, string> = {
      EADDRINUSE: `port ${args.port} on ${args.host} is in use by another program: stop it or pass --port`,
      EACCES: `this user may not listen on ${where} (ports below 1024 need root): pass --port 3000`,
      EADDRNOTAVAIL: `${args.host} is not an address of this machine: pass --host 127.0.0.1 or one of its addresses`,
    };
    throw new CliError(why[code] ?? `cannot listen on ${where} (${code || 'error'})`, { cause: error });
  }
  const host = args.host.includes(':') && !args.host.startsWith('[') ? `[${args.host}]` : args.host;
  return `http://${host}:${args.port}`;
}
