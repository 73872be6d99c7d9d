// `vigil serve`: the headless station. bootstrap reads like a table of contents — data folder, logs, camera
// and view stores, API keys, Janus, demo cameras, station, REST API with the wall, sign-in link — and every
// part that starts registers how it stops.
import type { Logger } from 'pino';

import { createKeyFileCipher } from '../store/secret-cipher';
import { addDemoCameras, startDemoCameras, type DemoCameras } from '../demo/demo-cameras';
import { startStationCore, type ApiBinding } from '../runtime/station-core';
import type { ServeArgs } from './args';
import { ensureDataDir, resolveDataDir } from './data-dir';
import type { Output } from './output';
import { DEFAULT_WALL_FILES, setupSessions, writeSignInUrl } from './serve-browser';
import { setupGateway } from './serve-gateway';
import { setupLogging, type StationLogging } from './serve-logging';
import { EXIT_FORCED, firstStopSignal, Teardown } from './shutdown';
import { formatStartupMessage } from './startup-message';
import { reportError } from './user-errors';

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
    const gateway = setupGateway(args, dataDir, logger);
    teardown.add('Janus', () => gateway.stop());
    await gateway.start();
    const demo = args.demo === undefined ? undefined : await setupDemo(args.demo, logger, teardown);
    const sessions = setupSessions(args);
    const { station, manageKeyFile, apiUrl } = await startStationCore(
      {
        dataDir,
        logger,
        cipher: await createKeyFileCipher(dataDir),
        gateway,
        iceServers: args.iceServers.map((urls) => ({ urls })),
        api: apiBinding(args),
        sessions,
        wall: DEFAULT_WALL_FILES,
      },
      teardown,
    );
    if (demo !== undefined) await addDemoCameras(station, demo.inputs, logger);
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

/** Starts the simulated cameras (stopped after the station, which holds their mountpoints). */
async function setupDemo(count: number, logger: Logger, teardown: Teardown): Promise<DemoCameras> {
  const demo = await startDemoCameras(count, logger);
  teardown.add('demo cameras', () => demo.stop());
  return demo;
}

/** The REST API's binding for these flags: `--public-url`'s host is accepted in the Host header too. */
function apiBinding(args: ServeArgs): ApiBinding {
  const publicHosts = args.publicUrl === undefined ? [] : [args.publicUrl.host, args.publicUrl.hostname];
  return {
    host: args.host,
    port: args.port,
    allowedHosts: [...new Set([...args.allowedHosts, ...publicHosts])],
    corsOrigins: args.corsOrigins,
    publicUrl: args.publicUrl?.href,
  };
}
