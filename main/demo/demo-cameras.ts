// `vigil serve --demo N`: N simulated cameras (one camera process, paths /cam1../camN, Digest auth with random
// credentials, a free 127.0.0.1 port), supervised like the bundled Janus — restarted with backoff if it dies,
// stopped on exit — and added to the station as cameras demo-1…demo-N (probed like any camera).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import type { CameraInput } from '../../common/camera';
import { ErrorCode, VigilError } from '../../common/errors';
import { planRestart } from '../gateway/restart-policy';
import type { StationService } from '../station/service';
import {
  DemoCameraError,
  startCameraProcess,
  type CameraProcess,
  type CameraProcessSettings,
} from './camera-process';

/** The most simulated cameras `--demo` starts (each encodes video: ≈ 10 % of a core apiece). */
export const MAX_DEMO_CAMERAS = 16;
/** The description demo cameras are added with. */
export const DEMO_DESCRIPTION = 'Simulated camera (vigil serve --demo)';

const START_ATTEMPTS = 3;

/** Running demo cameras: what to add to the station, and how to stop them. */
export interface DemoCameras {
  /** The cameras as `POST /cameras` bodies, demo-1…demo-N. */
  readonly inputs: CameraInput[];
  /** Stops the camera process (and its supervision). */
  stop(): Promise<void>;
}

/** Hours the demo cameras keep recorded (enough to try instant replay; about 0.5 GiB for four cameras). */
export const DEMO_RETENTION_HOURS = 1;

/** The camera bodies for a camera process's paths: Digest cameras recording their last hour. */
export function demoCameraInputs(settings: CameraProcessSettings): CameraInput[] {
  return Array.from({ length: settings.cameras }, (_, index) => ({
    camera_id: `demo-${index + 1}`,
    name: `Demo camera ${index + 1}`,
    rtsp_url: `rtsp://127.0.0.1:${settings.port}/cam${index + 1}`,
    username: settings.username,
    password: settings.password,
    auth_method: 'digest' as const,
    description: DEMO_DESCRIPTION,
    recording: { mode: 'continuous' as const, retention_hours: DEMO_RETENTION_HOURS },
  }));
}

/**
 * Starts `count` simulated cameras and keeps them running until `stop()`; throws DemoCameraError (naming the
 * Debian packages to install) when the camera cannot run here.
 * @example
 * const demo = await startDemoCameras(2, logger);
 * await addDemoCameras(station, demo.inputs, logger);
 * await demo.stop();
 */
export async function startDemoCameras(count: number, logger: Logger): Promise<DemoCameras> {
  const log = logger.child({ name: 'demo/camera' });
  const credentials = {
    username: `demo-${randomBytes(3).toString('hex')}`,
    password: randomBytes(12).toString('base64url'),
  };
  let settings: CameraProcessSettings | undefined;
  let current: CameraProcess | undefined;
  for (let attempt = 1; current === undefined; attempt++) {
    settings = { ...credentials, cameras: count, port: await freePort() };
    try {
      current = await startCameraProcess(settings, log);
    } catch (error) {
      // Another program may have taken the port in between: try a fresh one, then give up.
      if (attempt >= START_ATTEMPTS || !(error instanceof DemoCameraError) || error.reason !== 'failed')
        throw error;
    }
  }
  const fixed = settings as CameraProcessSettings;
  log.info({ port: fixed.port, cameras: count, pid: current.pid }, 'demo cameras running');
  let stopping = false;
  let fastFailures = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;

  const failed = (what: string) => (error: unknown) => {
    log.error({ err: error }, what);
  };
  const supervise = (running: CameraProcess, startedAt: number): void => {
    runInBackground(running.exited.then(onExit), failed('the demo camera supervisor failed'));
    function onExit(): void {
      if (stopping) return;
      const decision = planRestart(fastFailures, Date.now() - startedAt);
      fastFailures = decision.fastFailures;
      if (decision.action === 'give-up') {
        log.error('the demo camera keeps failing: giving up on it (the demo cameras stay offline)');
        return;
      }
      log.warn({ delayMs: decision.delayMs }, 'the demo camera exited: restarting it');
      restartTimer = setTimeout(() => {
        startCameraProcess(fixed, log).then((next) => {
          current = next;
          if (stopping) runInBackground(next.stop(), failed('the demo camera did not stop'));
          else supervise(next, Date.now());
        }, failed('the demo camera did not restart'));
      }, decision.delayMs);
    }
  };
  supervise(current, Date.now());

  return {
    inputs: demoCameraInputs(fixed),
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      await current?.stop();
    },
  };
}

/** How often a demo camera that refuses its first probe is tried again, and how long apart. */
export const DEMO_PROBE_RETRY = { attempts: 4, delayMs: 750 } as const;

/**
 * Adds demo-1…demo-N to the station, or points existing ones at this run's camera (its port and credentials
 * are new each start). Adding probes the camera, like any `POST /cameras`; a camera process that has only just
 * started may drop a probe while it prepares its streams, so an unreachable camera is tried again a few times.
 */
export async function addDemoCameras(
  station: Pick<StationService, 'listCameras' | 'addCamera' | 'updateCamera'>,
  inputs: CameraInput[],
  logger: Logger,
  retry: { attempts: number; delayMs: number } = DEMO_PROBE_RETRY,
): Promise<void> {
  const existing = new Set(station.listCameras().map((camera) => camera.camera_id));
  for (const input of inputs) {
    const { camera_id: cameraId, rtsp_url, username, password } = input;
    const known = existing.has(cameraId);
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (known) await station.updateCamera(cameraId, { rtsp_url, username, password });
        else await station.addCamera(input);
        break;
      } catch (error) {
        const unreachable = error instanceof VigilError && error.code === ErrorCode.CameraUnreachable;
        if (!unreachable || attempt >= retry.attempts) throw error;
        logger.warn(
          { camera_id: cameraId, attempt, err: error.message },
          'demo camera not ready: probing again',
        );
        await new Promise((resolve) => setTimeout(resolve, retry.delayMs));
      }
    }
    logger.info({ camera_id: cameraId }, known ? 'demo camera updated' : 'demo camera added');
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port was allocated');
  return address.port;
}
