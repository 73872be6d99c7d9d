// The lab's RTSP camera: resources/demo/camera.py (which `vigil serve --demo` also runs) under Debian's
// /usr/bin/python3, /cam1../camN on 127.0.0.1, a free port, random credentials. Started through a Launch, so
// `up` and `startLab` share this code.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import type { CameraAudio, CameraAuth, LabCameraJson } from './model';
import { freePort } from './ports';
import { logTail, spawnPart, type Launch, type PartProcess } from './processes';
import { prepareSceneControl, sceneControlDir } from './scene';
import { TIMECODE_BITS, TIMECODE_BLOCK_SIZE, TIMECODE_X, TIMECODE_Y } from './timecode';

/** Debian's Python, which has gi (a `python3` first on PATH may be a pyenv shim without it). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const CAMERA_SCRIPT = fileURLToPath(new URL('../../resources/demo/camera.py', import.meta.url));
const READY_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;

/** Everything the camera process is started with (kept so a restart serves the same thing). */
export interface LabCameraSettings {
  port: number;
  cameras: number;
  auth: CameraAuth;
  keyframeInterval: number;
  audio: CameraAudio;
  username: string;
  password: string;
  logFile: string;
  /** Where the /sceneN paths' control files are (see scene.ts). */
  sceneControlDir: string;
}

/** Picks a free port and credentials and starts the camera, retrying on a fresh port if it cannot bind. */
export async function startCamera(
  options: {
    stateDir: string;
    cameras: number;
    auth: CameraAuth;
    keyframeInterval: number;
    audio: CameraAudio;
  },
  launch: Launch,
): Promise<{ settings: LabCameraSettings; process: PartProcess }> {
  const { stateDir, ...rest } = options;
  const credentials = {
    username: `lab-${randomBytes(3).toString('hex')}`,
    password: randomBytes(12).toString('base64url'),
  };
  for (let attempt = 1; ; attempt++) {
    const settings = {
      ...rest,
      ...credentials,
      port: await freePort(),
      logFile: join(stateDir, 'camera.log'),
      sceneControlDir: sceneControlDir(stateDir),
    };
    try {
      return { settings, process: await launchCamera(settings, launch) };
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
    }
  }
}

/** Starts the camera with `settings` and resolves once it prints "ready"; stops it on failure. */
export async function launchCamera(settings: LabCameraSettings, launch: Launch): Promise<PartProcess> {
  await prepareSceneControl(settings.sceneControlDir, settings.cameras);
  const camera = spawnPart({
    launch,
    command: SYSTEM_PYTHON,
    args: [
      CAMERA_SCRIPT,
      ...['--port', settings.port, '--cameras', settings.cameras, '--auth', settings.auth],
      ...['--keyframe-interval', settings.keyframeInterval, '--audio', settings.audio],
      // Each path burns in its own path name (the demo's default would read demo-N).
      ...['--label', 'cam{n}'],
      ...['--timecode-x', TIMECODE_X, '--timecode-y', TIMECODE_Y],
      ...['--timecode-block', TIMECODE_BLOCK_SIZE, '--timecode-bits', TIMECODE_BITS],
      ...['--scene-control', settings.sceneControlDir],
    ].map(String),
    env: { ...process.env, CAMERA_USERNAME: settings.username, CAMERA_PASSWORD: settings.password },
    logFile: settings.logFile,
    pipeStdout: true,
  });
  try {
    await waitForReadyLine(camera);
    return camera;
  } catch (error) {
    await camera.stop();
    throw new Error(`the lab camera did not start; log ${settings.logFile}:\n${logTail(settings.logFile)}`, {
      cause: error,
    });
  }
}

/** The lab JSON for the camera's paths: /camN (moving test pattern), or /sceneN (still scene, switchable object). */
export function cameraJson(settings: LabCameraSettings, kind: 'cam' | 'scene' = 'cam'): LabCameraJson[] {
  const { port, username, password, auth } = settings;
  const credentials = `${encodeURIComponent(username)}:${encodeURIComponent(password)}@`;
  return Array.from({ length: settings.cameras }, (_, index) => {
    const path = `/${kind}${index + 1}`;
    return {
      path,
      url: `rtsp://127.0.0.1:${port}${path}`,
      url_with_credentials: `rtsp://${credentials}127.0.0.1:${port}${path}`,
      username,
      password,
      auth,
    };
  });
}

async function waitForReadyLine(camera: PartProcess): Promise<void> {
  const stdout = camera.child.stdout;
  if (stdout === null) throw new Error('the camera has no stdout pipe');
  const lines = createInterface({ input: stdout });
  const timeout = new AbortController();
  const timedOut = sleep(READY_TIMEOUT_MS, undefined, { signal: timeout.signal }).then(() => {
    throw new Error(`no "ready" within ${READY_TIMEOUT_MS} ms`);
  });
  try {
    await Promise.race([readyLine(lines), timedOut]);
  } finally {
    timeout.abort();
    lines.close();
  }
}

async function readyLine(lines: AsyncIterable<string>): Promise<void> {
  for await (const line of lines) if (line.trim() === 'ready') return;
  throw new Error('the camera exited before printing "ready"');
}
