// One run of the simulated camera (resources/demo/camera.py under Debian's /usr/bin/python3): spawned in its
// own process group (a Ctrl-C reaches the station, which stops it in order), ready once it prints "ready",
// stopped by PID only (SIGTERM, then SIGKILL), and SIGKILLed if the station exits first.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

import type { Logger } from 'pino';
import { killOnExit } from '../base/kill-on-exit';

/** Debian's Python, which has gi (a `python3` first on PATH may be a pyenv shim without it). */
export const SYSTEM_PYTHON = '/usr/bin/python3';
/** The camera script. */
export const CAMERA_SCRIPT = fileURLToPath(new URL('../../resources/demo/camera.py', import.meta.url));
/** What the script needs from Debian, named when something is missing. */
export const CAMERA_PACKAGES =
  'python3-gi python3-gi-cairo gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good ' +
  'gstreamer1.0-plugins-ugly gstreamer1.0-x';

const EXIT_MISSING_PACKAGES = 3;
const STOP_GRACE_MS = 5_000;
const TAIL_LINES = 20;

/** The demo camera could not start; the message says why and what to install. */
export class DemoCameraError extends Error {
  override readonly name = 'DemoCameraError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_DEMO_CAMERA';

  constructor(
    message: string,
    /** `missing-packages` when trying again cannot help. */
    readonly reason: 'missing-packages' | 'failed',
  ) {
    super(message);
  }
}

/** What one camera process serves. */
export interface CameraProcessSettings {
  port: number;
  cameras: number;
  username: string;
  password: string;
}

/** A running camera process; `exited` resolves when it ends, however that happens. */
export interface CameraProcess {
  readonly pid: number;
  readonly exited: Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has ended. */
  stop(): Promise<void>;
}

/** The install advice for missing packages. */
export function installAdvice(packages: string): string {
  return `the demo cameras need Debian packages that are missing: apt-get install -y ${packages}`;
}

/** Starts the camera and resolves once it serves; throws DemoCameraError (with the reason) if it does not. */
export async function startCameraProcess(
  settings: CameraProcessSettings,
  logger: Logger,
  readyTimeoutMs = 10_000,
): Promise<CameraProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    SYSTEM_PYTHON,
    [
      CAMERA_SCRIPT,
      '--port',
      String(settings.port),
      '--cameras',
      String(settings.cameras),
      '--auth',
      'digest',
    ],
    {
      env: { ...process.env, CAMERA_USERNAME: settings.username, CAMERA_PASSWORD: settings.password },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.once('error', () => undefined);
  const { pid } = child;
  if (pid === undefined) {
    throw new DemoCameraError(
      `cannot run ${SYSTEM_PYTHON}: ${installAdvice(CAMERA_PACKAGES)}`,
      'missing-packages',
    );
  }
  const forget = killOnExit(pid);
  const tail: string[] = [];
  const exitCode = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      forget();
      resolve(code);
    });
  });
  const exited = exitCode.then(() => undefined);
  createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    logger.warn({ pid }, line);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const ready = await waitForReady(child.stdout, exited, readyTimeoutMs);
  if (ready) return { pid, exited, stop };
  await stop();
  const missing = tail.map((line) => /^missing-packages: (.+)$/.exec(line)?.[1]).find(Boolean);
  if ((await exitCode) === EXIT_MISSING_PACKAGES && missing !== undefined) {
    throw new DemoCameraError(installAdvice(missing), 'missing-packages');
  }
  throw new DemoCameraError(
    `the demo camera did not start (${tail.join(' | ') || 'no output'}); it needs Debian's ${CAMERA_PACKAGES}`,
    'failed',
  );
}

/** True once the process prints "ready"; false if it exits first or the time runs out. */
async function waitForReady(stdout: Readable, exited: Promise<void>, timeoutMs: number): Promise<boolean> {
  const lines = createInterface({ input: stdout, crlfDelay: Infinity });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
  });
  const sawReady = (async () => {
    for await (const line of lines) if (line.trim() === 'ready') return true;
    return false;
  })();
  try {
    return await Promise.race([sawReady, exited.then(() => false), timedOut]);
  } finally {
    clearTimeout(timer);
    lines.close();
  }
}
