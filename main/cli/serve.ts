// `vigil serve`: the headless station. serve() reads like a table of contents — data folder, logs, stop
// signals, the station (runtime: Janus, demo cameras, stores, REST API with the wall), the sign-in link and the
// startup message — then waits for a stop signal, or for the bundled Janus to give up.
import { join } from 'node:path';

import { ErrorCode, VigilError } from '../../common/errors';
import type { BrowserSessions } from '../api/browser-sessions';
import type { ApiBinding } from '../runtime/station-core';
import { SIGNIN_URL_FILE, setupSessions, writeSignInUrl } from '../runtime/browser-signin';
import { setupCluster } from '../runtime/cluster';
import { setupLogging, type StationLogging } from '../runtime/logging';
import { loadStationId } from '../station/station-id';
import { startStation, type RunningStation } from '../runtime/station';
import type { StationGateway } from '../runtime/station-gateway';
import { Teardown } from '../runtime/teardown';
import { DEFAULT_WALL_FILES } from '../runtime/wall';
import { createKeyFileCipher } from '../store/secret-cipher';
import { storeWriteError } from '../store/store-errors';
import type { ServeArgs } from './args';
import { ensureDataDir, resolveDataDir } from './data-dir';
import type { Output } from './output';
import { janusSetup } from './serve-gateway';
import { EXIT_FORCED, firstStopSignal } from './shutdown';
import { formatStartupMessage } from './startup-message';
import { reportError } from './user-errors';

const SHUTDOWN_DEADLINE_MS = 20_000;

/** Why the station stops: a stop signal, or the bundled Janus gave up. */
type Ending = { signal: NodeJS.Signals } | { reason: string };

/** The running station and the browser sessions its sign-in links open. */
type ServedStation = RunningStation & { sessions: BrowserSessions };

/** Runs the station until SIGTERM/SIGINT (or until the bundled Janus gives up); resolves to the exit code. */
export async function serve(args: ServeArgs, out: Output): Promise<number> {
  const dataDir = await setupDataDir(args);
  const logging = setupLogging(dataDir, args.logLevel);
  const stopSignal = setupStopSignals(logging, out);
  const teardown = new Teardown(logging.logger);
  try {
    const running = await setupStation(args, dataDir, logging, teardown);
    await printStartupMessage(args, dataDir, logging, running, out);
    return await shutdown(await firstEnding(stopSignal, running.janus), teardown, logging, out);
  } catch (error) {
    logging.fileLogger.error({ err: error }, 'vigil serve failed');
    await teardown.run();
    logging.flush();
    return reportError(error, out, { topic: 'serve', detailsHint: `Details are in ${logging.logFile}.` });
  }
}

/** The data folder for `--data-dir` and the environment, created owner-only. */
async function setupDataDir(args: ServeArgs): Promise<string> {
  const dataDir = resolveDataDir(args.dataDir);
  await ensureDataDir(dataDir);
  return dataDir;
}

/** The first SIGTERM/SIGINT starts the orderly stop; a second one, or the deadline, exits at once. */
function setupStopSignals(logging: StationLogging, out: Output): Promise<NodeJS.Signals> {
  return firstStopSignal((why) => {
    out.stderr(`vigil: ${why}\n`);
    logging.flush();
    process.exit(EXIT_FORCED);
  }, SHUTDOWN_DEADLINE_MS);
}

/** The station for these flags (runtime decides Janus, starts everything and registers the stops). */
async function setupStation(
  args: ServeArgs,
  dataDir: string,
  { logger, droppedLines }: StationLogging,
  teardown: Teardown,
): Promise<ServedStation> {
  const cluster =
    args.cluster === undefined
      ? undefined
      : await setupCluster(args.cluster, { dataDir, name: await loadStationId(dataDir), logger }, teardown);
  const sessions = setupSessions(dataDir, args.publicUrl, logger, cluster?.stores.sessions);
  const running = await startStation(
    {
      dataDir,
      logger,
      droppedLogLines: droppedLines,
      cipher: await createKeyFileCipher(dataDir),
      janus: janusSetup(args, dataDir),
      demoCameras: args.demo,
      recording: { dir: args.recordingsDir, maxBytes: args.recordingsMaxBytes },
      iceServers: args.iceServers.map((urls) => ({ urls })),
      api: apiBinding(args),
      sessions,
      wall: DEFAULT_WALL_FILES,
      cluster,
    },
    teardown,
  );
  return { ...running, sessions };
}

/** Writes the sign-in link and prints where everything is. */
async function printStartupMessage(
  args: ServeArgs,
  dataDir: string,
  logging: StationLogging,
  running: ServedStation,
  out: Output,
): Promise<void> {
  const { janus, core, sessions } = running;
  const { signIn, signInProblem } = await signInLink(dataDir, sessions, args.publicUrl?.href ?? core.apiUrl);
  out.stdout(
    formatStartupMessage({
      apiUrl: core.apiUrl,
      publicUrl: args.publicUrl?.href,
      host: args.host,
      manageKeyFile: core.manageKeyFile,
      janusMode: janus.mode,
      janusUrl: janus.endpoints.urls.http,
      dataDir,
      logFile: logging.logFile,
      signIn,
      signInProblem,
      demoCameras: running.demoCameraIds,
      recording: core.recording,
    }),
  );
}

/** The sign-in link, or, when the data folder refuses to keep it (full, read-only), why there is none. */
async function signInLink(
  dataDir: string,
  sessions: BrowserSessions,
  baseUrl: string,
): Promise<{ signIn?: Awaited<ReturnType<typeof writeSignInUrl>>; signInProblem?: string }> {
  try {
    return { signIn: await writeSignInUrl(dataDir, sessions, baseUrl) };
  } catch (error) {
    // A station on a full or read-only disk still serves cameras: it starts without a link.
    const refused = storeWriteError(join(dataDir, SIGNIN_URL_FILE), error);
    if (!(refused instanceof VigilError && refused.code === ErrorCode.StorageUnavailable)) throw error;
    return { signInProblem: refused.message };
  }
}

/** Resolves with the first stop signal, or with the reason the bundled Janus gave up. */
function firstEnding(stopSignal: Promise<NodeJS.Signals>, janus: StationGateway): Promise<Ending> {
  const gaveUp = new Promise<Ending>((resolve) => {
    const now = janus.state().gaveUp;
    if (now !== undefined) resolve(now);
    janus.onChange((state) => {
      if (state.gaveUp !== undefined) resolve(state.gaveUp);
    });
  });
  return Promise.race([stopSignal.then((signal) => ({ signal })), gaveUp]);
}

async function shutdown(
  ended: Ending,
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

/** The REST API's binding for these flags: `--public-url`'s host is accepted in the Host header too. */
function apiBinding(args: ServeArgs): ApiBinding {
  const publicHosts = args.publicUrl === undefined ? [] : [args.publicUrl.host, args.publicUrl.hostname];
  return {
    host: args.host,
    port: args.port,
    allowedHosts: [...new Set([...args.allowedHosts, ...publicHosts])],
    corsOrigins: args.corsOrigins,
    changeWith: { port: '--port', host: '--host' },
    publicUrl: args.publicUrl?.href,
  };
}
