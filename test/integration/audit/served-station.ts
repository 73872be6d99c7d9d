// A real `vigil serve` with its bundled (native) Janus on a data folder the test chooses, inside the lab's
// namespace, and the few things the audit tests do with it: REST calls with its manage key, a lab camera, the
// Janus processes that run on its config folder, and mounts (tmpfs, read-only binds) the tests make and undo.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import type { Lab } from '../../lab';
import { labCamera } from '../janus/connect';
import { startVigil, type VigilProcess } from '../cli/vigil-process';

const run = promisify(execFile);

/** The station's ports: its API and its bundled Janus's. */
export type StationPorts = Record<'api' | 'http' | 'ws' | 'admin', number>;

/** A started `vigil serve`. */
export interface ServedStation {
  vigil: VigilProcess;
  api: string;
  manageKey: string;
  /** Fetches `path` on the API with the manage key (or `key`), a JSON body when given. */
  call: (path: string, init?: { method?: string; body?: unknown; key?: string }) => Promise<Response>;
}

/** The `vigil serve` arguments for a station on `dataDir` with the bundled Janus on `ports`, ICE on the lab. */
function serveArgs(dataDir: string, ports: StationPorts): string[] {
  return [
    'serve',
    '--data-dir',
    dataDir,
    '--port',
    String(ports.api),
    '--janus-http-port',
    String(ports.http),
    '--janus-ws-port',
    String(ports.ws),
    '--janus-admin-port',
    String(ports.admin),
    '--janus-ice-interface',
    LAB_ICE_ADDRESS,
    '--janus-ice-enforce-list',
    LAB_ICE_INTERFACE,
  ];
}

/** Starts `vigil serve` on `dataDir` with the bundled Janus on `ports`; resolves once the API listens. */
export async function serveStation(dataDir: string, ports: StationPorts): Promise<ServedStation> {
  const vigil = startVigil(serveArgs(dataDir, ports));
  try {
    await vigil.waitFor(/Vigil station is running/, 45_000);
  } catch (error) {
    vigil.kill();
    throw error;
  }
  const api = `http://127.0.0.1:${ports.api}`;
  const manageKey = readFileSync(join(dataDir, 'manage.key'), 'utf8').trim();
  const call: ServedStation['call'] = (path, init = {}) =>
    fetch(`${api}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.key ?? manageKey}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  return { vigil, api, manageKey, call };
}

/** The `POST /cameras` body for the lab's camera `index` under `cameraId`. */
export function labCameraBody(lab: Lab, cameraId: string, index = 0): Record<string, unknown> {
  const camera = labCamera(lab, index);
  return {
    camera_id: cameraId,
    name: cameraId,
    rtsp_url: camera.url,
    username: camera.username,
    password: camera.password,
  };
}

/** PIDs of the live (not zombie) processes whose command line runs Janus on `<dataDir>/janus`. */
export function janusPidsOn(dataDir: string): number[] {
  const dir = join(dataDir, 'janus');
  const tail = ['-C', join(dir, 'janus.jcfg'), '-F', dir].join('\u0000');
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      const argv = withoutTrailingNul(readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
      if (argv.endsWith(tail)) pids.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return pids;
}

/** A /proc cmdline without the NUL that ends it. */
export function withoutTrailingNul(cmdline: string): string {
  return cmdline.endsWith('\u0000') ? cmdline.slice(0, -1) : cmdline;
}

/** Mounts a tmpfs of `sizeMb` MiB on `dir` (the test's own folder). */
export async function mountTmpfs(dir: string, sizeMb: number): Promise<void> {
  await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'vigil-audit', dir]);
}

/** Makes `dir` read-only by bind-mounting it read-only over itself. */
export async function bindReadOnly(dir: string): Promise<void> {
  await run('mount', ['--bind', dir, dir]);
  await run('mount', ['-o', 'remount,bind,ro', dir]);
}

/** Unmounts what the test mounted on `dir` (lazily, so a process still in it does not block the test). */
export async function unmount(dir: string): Promise<void> {
  await run('umount', ['-l', dir]);
}
