// F4 on the lab: `kill -9` of the station (as the OOM killer does) must not orphan its bundled Janus, and each
// restart on the same data folder and ports succeeds with no manual step — ten times over. A Janus that did
// survive (started outside the station's control, as an older station left it) is found by its PID file and
// command line and stopped before the next start binds its ports.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { childPids, isAlive } from '../cli/vigil-process';
import { eventually } from '../wait';
import {
  janusPidsOn,
  labCameraBody,
  serveStation,
  withoutTrailingNul,
  type ServedStation,
  type StationPorts,
} from './served-station';

const lab = useLab({ cameras: 1 });
let root: string;
const started: ServedStation[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-audit-kill-'));
});
afterAll(async () => {
  for (const { vigil } of started) vigil.kill();
  await rm(root, { recursive: true, force: true });
});

/** Whether `port` on 127.0.0.1 can be bound (nothing holds it). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

/** Starts the station on `dataDir` and checks it runs exactly one Janus, its own child, answering on its port. */
async function startChecked(
  dataDir: string,
  ports: StationPorts,
): Promise<{ station: ServedStation; janus: number }> {
  const station = await serveStation(dataDir, ports);
  started.push(station);
  const janus = childPids(station.vigil.pid, 'janus');
  expect(janus).toHaveLength(1);
  expect(janusPidsOn(dataDir)).toEqual(janus);
  expect((await fetch(`http://127.0.0.1:${ports.http}/janus/info`)).status).toBeLessThan(500);
  return { station, janus: janus[0] ?? 0 };
}

describe('kill -9 of the station', () => {
  it('never orphans its Janus: ten kill -9 and restarts on the same folder and ports, each with no manual step', async () => {
    const dataDir = join(root, 'station');
    const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
    for (let round = 1; round <= 10; round++) {
      const { station, janus } = await startChecked(dataDir, ports);
      if (round === 1) {
        expect(
          (await station.call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'lobby') })).status,
        ).toBe(201);
      }
      process.kill(station.vigil.pid, 'SIGKILL');
      expect(await station.vigil.exited).toBeNull();
      // Janus dies with it (the parent-death signal): its PID and its ports are free before any restart.
      await eventually(() => Promise.resolve(isAlive(janus) ? undefined : true), 5_000);
      expect(janusPidsOn(dataDir)).toEqual([]);
      for (const port of [ports.http, ports.ws, ports.admin]) {
        await eventually(async () => ((await portFree(port)) ? true : undefined), 5_000);
      }
    }
    // After ten kills the camera is still there and goes live again.
    const { station } = await startChecked(dataDir, ports);
    await eventually(async () => {
      const camera = (await (await station.call('/cameras/lobby')).json()) as { status: string };
      return camera.status === 'live' ? true : undefined;
    }, 20_000);
    process.kill(station.vigil.pid, 'SIGTERM');
    expect(await station.vigil.exited).toBe(0);
  }, 360_000);

  it('stops a Janus left running on its folder (found by its PID file and command line) before binding its ports', async () => {
    const dataDir = join(root, 'leftover');
    const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
    const first = await startChecked(dataDir, ports);
    const argv = withoutTrailingNul(readFileSync(`/proc/${first.janus}/cmdline`, 'utf8')).split('\u0000');
    process.kill(first.station.vigil.pid, 'SIGTERM');
    expect(await first.station.vigil.exited).toBe(0);
    // What an older station left after a kill -9: the same Janus, on the same config and ports, nobody's child.
    const [binary, ...args] = argv.slice(argv.indexOf('--') + 1);
    const orphan = spawn(binary ?? 'janus', args, { detached: true, stdio: 'ignore' });
    orphan.unref();
    const orphanPid = orphan.pid ?? 0;
    writeFileSync(join(dataDir, 'janus', 'janus.pid'), `${orphanPid}\n`);
    await eventually(async () => ((await portFree(ports.http)) ? undefined : true), 10_000);

    const { station, janus } = await startChecked(dataDir, ports);
    expect(janus).not.toBe(orphanPid);
    expect(isAlive(orphanPid)).toBe(false);
    expect(readFileSync(join(dataDir, 'logs', 'vigil.log'), 'utf8')).toContain('a Janus left running');
    process.kill(station.vigil.pid, 'SIGTERM');
    expect(await station.vigil.exited).toBe(0);
  }, 180_000);
});
