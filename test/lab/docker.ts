// The lab's own Docker engine (`up --docker`): Debian's dockerd with no bridge and no iptables rules, its
// data, exec root, pid file and API socket in the lab's state folder, its network stack the lab namespace
// (so a host-networking container sees v0 = 127.0.0.2 and the lab camera, and reaches nothing outside).
// `nsenter --net` keeps the machine's mounts (`ip netns exec` would hide the cgroup file systems dockerd
// needs). The Debian base image is imported from the cached root file system tarball. `down` stops dockerd
// by PID (it stops its containers first) and unmounts what it left under its own folder.
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import Docker from 'dockerode';

import { ensureDebianBase, type DebianBase } from './debian-base';
import type { LabDockerJson } from './model';
import { logTail, spawnPart, stopPid, type PartProcess } from './processes';

const run = promisify(execFile);

/** The image name the base is imported as (the Dockerfile's BASE). */
export const LAB_BASE_IMAGE = 'vigil-lab/debian:forky-janus';

const READY_TIMEOUT_MS = 30_000;
const POLL_MS = 100;
const STOP_GRACE_MS = 20_000;

/** Builds (or reuses) the base tarball, starts dockerd inside namespace `name`, imports the base. */
export async function startLabDocker(
  name: string,
  stateDir: string,
): Promise<{ json: LabDockerJson; process: PartProcess }> {
  const base = await ensureDebianBase();
  const dir = join(stateDir, 'docker');
  const socket = join(dir, 'docker.sock');
  const logFile = join(stateDir, 'dockerd.log');
  let began = performance.now();
  const dockerd = spawnPart({
    launch: { prefix: ['nsenter', `--net=/run/netns/${name}`, '--'], detached: true },
    command: 'dockerd',
    args: [
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--userland-proxy=false',
      `--data-root=${join(dir, 'data')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--pidfile=${join(dir, 'docker.pid')}`,
      `--host=unix://${socket}`,
    ],
    logFile,
  });
  try {
    const docker = new Docker({ socketPath: socket });
    await waitForEngine(docker, dockerd, logFile);
    const startMs = performance.now() - began;
    began = performance.now();
    await importBase(docker, base);
    const importMs = performance.now() - began;
    const json: LabDockerJson = {
      pid: dockerd.pid,
      host: `unix://${socket}`,
      base_image: LAB_BASE_IMAGE,
      dir,
      log_file: logFile,
      timings_ms: {
        debootstrap: Math.round(base.debootstrapMs),
        base_packages: Math.round(base.packagesMs),
        base_tar: Math.round(base.tarMs),
        dockerd_start: Math.round(startMs),
        import: Math.round(importMs),
      },
      base_cached: base.cached,
    };
    return { json, process: dockerd };
  } catch (error) {
    await dockerd.stop(STOP_GRACE_MS);
    await unmountUnder(dir);
    throw error;
  }
}

/** Stops the lab's dockerd by PID (if it is still the lab's), unmounts its leftovers, removes its folder. */
export async function stopLabDocker(docker: LabDockerJson, pidIsLabs: boolean): Promise<void> {
  if (pidIsLabs) await stopPid(docker.pid, STOP_GRACE_MS);
  await unmountUnder(docker.dir);
  await rm(docker.dir, { recursive: true, force: true });
}

async function waitForEngine(docker: Docker, dockerd: PartProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!dockerd.isRunning()) {
      throw new Error(`dockerd exited while starting; its last lines:\n${logTail(logFile)}`);
    }
    try {
      await docker.ping();
      return;
    } catch {
      await sleep(POLL_MS);
    }
  }
  throw new Error(
    `dockerd did not answer within ${READY_TIMEOUT_MS} ms; its last lines:\n${logTail(logFile)}`,
  );
}

/** `docker import` of the base tarball through the Engine API. */
async function importBase(docker: Docker, base: DebianBase): Promise<void> {
  const [repo, tag] = LAB_BASE_IMAGE.split(':');
  const stream = await docker.importImage(createReadStream(base.tarball), { repo, tag });
  const output = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', reject);
    stream.once('end', () => {
      resolve(Buffer.concat(chunks).toString());
    });
  });
  if (output.includes('"error"')) throw new Error(`importing ${base.tarball} failed: ${output}`);
  await docker.getImage(LAB_BASE_IMAGE).inspect();
}

/** Unmounts (deepest first) whatever is still mounted under `dir` (dockerd leaves its netns file mounted). */
async function unmountUnder(dir: string): Promise<void> {
  const mountinfo = await readFile('/proc/self/mountinfo', 'utf8');
  const points = mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .filter((point) => point === dir || point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of points) await run('umount', [point]);
}
