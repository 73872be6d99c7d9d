// Fresh lab parts for integration tests and benchmarks running INSIDE a lab namespace (through
// `npm run test:integration`, `npm run lab -- run -- …` or `npm run lab -- exec -- …`): each startLab() gets
// its own Janus (own ports, config and secrets) and its own camera (own port and credentials), so parallel
// test files never share or collide. Processes are SIGKILLed by PID if the test process exits without stop().
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { runInBackground } from '../../common/background';
import { launchCamera } from './camera';
import { launchJanus } from './janus';
import type { LabJanusJson, LabJson, LabOptions } from './model';
import { isPidInNamespace } from './netns';
import { startParts, type LabParts } from './parts';
import type { Launch, PartProcess } from './processes';
import { setSceneObject } from './scene';

export type { CameraAuth, LabCameraJson, LabJanusJson, LabJson, LabOptions } from './model';

/** The lab's Janus: its URLs and secrets, plus control over its process. */
export interface LabJanus extends LabJanusJson {
  /** Sends `signal` (default SIGKILL: a crash) and resolves once Janus has ended (rejects after 10 s). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts Janus again with the same config, ports and secrets; resolves once it answers. */
  start(): Promise<void>;
  /** True until the Janus process has ended. */
  isRunning(): boolean;
}

/** The lab's RTSP camera process. */
export interface LabCamera {
  readonly pid: number;
  /** Stops the camera (SIGTERM, then SIGKILL); resolves once it has ended. */
  stop(): Promise<void>;
  /** Starts the camera again on the same port, paths and credentials; resolves once it serves. */
  start(): Promise<void>;
  /** True until the camera process has ended. */
  isRunning(): boolean;
  /** When the camera last started serving (ms since epoch): start(), or a restart after a crash. */
  readonly startedAt: number;
}

/** A running lab: the same data as `npm run lab -- up` prints, plus control over its parts. */
export interface Lab extends Omit<LabJson, 'janus'> {
  janus: LabJanus;
  camera: LabCamera;
  /** Switches the moving object of path /scene<index> (default 1) on or off; the camera shows it within 20 ms. */
  scene(on: boolean, index?: number): Promise<void>;
  /** Stops Janus and the camera and removes the lab's files; safe to call more than once. */
  stop(): Promise<void>;
  /** The lab's data as JSON (current PIDs). */
  toJSON(): LabJson;
}

const HERE: Launch = { prefix: [], detached: false };
const EXIT_TIMEOUT_MS = 10_000;
const CAMERA_RESTARTS = 5;
const CAMERA_RESTART_WINDOW_MS = 60_000;

/** Starts a fresh Janus and camera in the current lab namespace; throws if not inside one. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const namespace = process.env.LAB_NETNS;
  if (namespace === undefined || namespace === '') {
    throw new Error(
      'startLab() runs only inside a lab network namespace: use "npm run test:integration", ' +
        '"npm run lab -- run -- <command>" or "npm run lab -- exec -- <command>"',
    );
  }
  if (!isPidInNamespace(process.pid, namespace)) {
    throw new Error(`LAB_NETNS is ${namespace}, but this process is not inside that network namespace`);
  }
  const stateDir = await mkdtemp(join(tmpdir(), 'vigil-lab-part-'));
  try {
    const name = `${namespace}-${stateDir.slice(-6).toLowerCase()}`;
    return labFromParts(await startParts({ name, namespace, stateDir }, options, HERE));
  } catch (error) {
    await rm(stateDir, { recursive: true, force: true });
    throw error;
  }
}

function labFromParts(parts: LabParts): Lab {
  let janus = parts.janus.process;
  let camera = parts.camera.process;
  let stopping: Promise<void> | undefined;
  const json = (): LabJson => ({
    ...parts.json,
    janus: { ...parts.json.janus, pid: janus.pid },
    camera_pid: camera.pid,
  });
  // GStreamer 1.22's RTSP server can abort (gst_rtsp_media_get_rates assertion) when many clients set up
  // the shared media at once right after a start. A real camera that crashes reboots: so does this one,
  // a bounded number of times, saying so on stderr.
  let cameraWanted = true;
  let cameraStartedAt = Date.now();
  let restarts: number[] = [];
  const watchCamera = (part: PartProcess): void => {
    const restart = part.exited.then(async (status) => {
      if (!cameraWanted || part !== camera) return;
      const now = Date.now();
      restarts = restarts.filter((at) => now - at < CAMERA_RESTART_WINDOW_MS);
      if (restarts.length >= CAMERA_RESTARTS) {
        process.stderr.write(
          `lab: the camera died ${CAMERA_RESTARTS} times in a minute; not restarting it\n`,
        );
        return;
      }
      restarts.push(now);
      process.stderr.write(
        `lab: the camera (pid ${part.pid}) died (${JSON.stringify(status)}); restarting it\n`,
      );
      camera = await launchCamera(parts.camera.settings, HERE);
      cameraStartedAt = Date.now();
      watchCamera(camera);
    });
    runInBackground(restart, (error: unknown) => {
      process.stderr.write(`lab: could not restart the camera: ${String(error)}\n`);
    });
  };
  watchCamera(camera);
  return {
    ...parts.json,
    janus: {
      ...parts.json.janus,
      get pid() {
        return janus.pid;
      },
      kill: async (signal = 'SIGKILL') => {
        janus.kill(signal);
        await exitedWithin(janus, 'Janus');
      },
      start: async () => {
        refuseIfRunning(janus, 'Janus');
        janus = await launchJanus(parts.janus.config, HERE);
      },
      isRunning: () => janus.isRunning(),
    },
    camera: {
      get pid() {
        return camera.pid;
      },
      stop: async () => {
        cameraWanted = false;
        await camera.stop();
      },
      start: async () => {
        refuseIfRunning(camera, 'the camera');
        cameraWanted = true;
        camera = await launchCamera(parts.camera.settings, HERE);
        cameraStartedAt = Date.now();
        watchCamera(camera);
      },
      get startedAt() {
        return cameraStartedAt;
      },
      isRunning: () => camera.isRunning(),
    },
    get camera_pid() {
      return camera.pid;
    },
    scene: (on, index = 1) => setSceneObject(parts.json.scene_control_dir, index, on),
    stop: () => {
      cameraWanted = false;
      stopping ??= (async () => {
        await Promise.all([janus.stop(), camera.stop()]);
        await rm(parts.json.state_dir, { recursive: true, force: true });
      })();
      return stopping;
    },
    toJSON: json,
  };
}

/** Waits (bounded) for a signalled process to end. */
async function exitedWithin(part: PartProcess, what: string): Promise<void> {
  const timer = new AbortController();
  const ended = await Promise.race([
    part.exited.then(() => true),
    sleep(EXIT_TIMEOUT_MS, false, { signal: timer.signal }),
  ]).finally(() => {
    timer.abort();
  });
  if (!ended) {
    throw new Error(`${what} (pid ${part.pid}) still runs ${EXIT_TIMEOUT_MS} ms after the signal`);
  }
}

function refuseIfRunning(part: PartProcess, what: string): void {
  if (part.isRunning())
    throw new Error(`${what} (pid ${part.pid}) is running: kill or stop it before start()`);
}
