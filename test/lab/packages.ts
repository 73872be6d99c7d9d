// Debian packages the lab needs (see /work/shared/LAB.md), installed once with apt-get if any are missing,
// so the lab also works on a fresh Debian 12 machine.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { quietStep } from './quiet-step';

const run = promisify(execFile);
/** Where the lab's own apt-get runs write their output. */
const APT_LOG = '/var/log/vigil-lab-apt.log';

/** Every Debian package the lab and the tests that use it need. */
export const LAB_PACKAGES = [
  'janus',
  'ffmpeg',
  'chromium',
  'fonts-dejavu-core',
  'python3-gi',
  'python3-gi-cairo',
  'gir1.2-gstreamer-1.0',
  'gir1.2-gst-rtsp-server-1.0',
  'gstreamer1.0-tools',
  'gstreamer1.0-plugins-base',
  'gstreamer1.0-plugins-good',
  'gstreamer1.0-plugins-bad',
  'gstreamer1.0-plugins-ugly',
  'gstreamer1.0-libav',
  'gstreamer1.0-x',
  'iproute2',
  // Cluster mode's tests: NATS with JetStream (each test starts its own server in the lab's namespace).
  'nats-server',
  // The container gateway's test: a Docker engine, and debootstrap for the Janus image's Debian base.
  'docker.io',
  'debootstrap',
] as const;

/** The packages of `names` that dpkg does not report as installed. */
export async function missingPackages(names: readonly string[]): Promise<string[]> {
  // dpkg-query exits non-zero when a name is unknown but still prints the known ones.
  const result = await run('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...names]).catch(
    (error: unknown) => error as { stdout?: string },
  );
  const installed = new Set(
    (result.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

/** Installs whatever of LAB_PACKAGES is missing (apt-get update + install, output to stderr). */
export async function ensureLabPackages(): Promise<void> {
  const missing = await missingPackages(LAB_PACKAGES);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the lab needs Debian packages ${missing.join(' ')}: run it as root so it can install them`,
    );
  }
  console.error(`lab: installing ${missing.join(' ')} (apt-get's output: ${APT_LOG})`);
  await aptGet(['update']);
  await aptGet(['install', '-y', ...missing]);
}

/** How long apt-get waits for another apt-get (another lab, an unattended upgrade) to release dpkg's lock. */
const APT_LOCK_WAIT_S = 600;

/** apt-get on this machine, its output to a log file (a failure shows its last lines). */
function aptGet(args: string[]): Promise<void> {
  return quietStep('apt-get', ['-o', `DPkg::Lock::Timeout=${APT_LOCK_WAIT_S}`, ...args], {
    logFile: APT_LOG,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
