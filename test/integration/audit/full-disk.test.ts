// F2 on the lab: the station's data folder (a small tmpfs of the test's own) fills up while the station runs. The
// station keeps serving reads and live video, answers writes 503 with words, never crashes — and starts again on
// the full folder after a kill — and takes writes again once space returns.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOG_FILE_RETRY_MS } from '../../../main/runtime/log-file';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { isAlive } from '../cli/vigil-process';
import { eventually } from '../wait';
import {
  janusPidsOn,
  labCameraBody,
  mountTmpfs,
  serveStation,
  unmount,
  type ServedStation,
} from './served-station';

const lab = useLab({ cameras: 1 });
let root: string;
let dataDir: string;
let station: ServedStation | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-audit-disk-'));
  dataDir = join(root, 'data');
  await mkdir(dataDir);
  await mountTmpfs(dataDir, 16);
});
afterAll(async () => {
  station?.vigil.kill();
  await station?.vigil.exited;
  await unmount(dataDir);
  await rm(root, { recursive: true, force: true });
});

/** Fills the folder's file system to the last byte; resolves to the filler's path. */
async function fill(dir: string): Promise<string> {
  const filler = join(dir, 'filler');
  const { bavail, bsize } = statfsSync(dir);
  await writeFile(filler, Buffer.alloc(bavail * bsize)).catch(() => undefined);
  // Whatever is left (a partly filled block) goes too: the next write of any size must fail.
  for (;;) {
    try {
      await writeFile(filler, Buffer.alloc(4096), { flag: 'a' });
    } catch {
      return filler;
    }
  }
}

describe('a station whose data folder fills up', () => {
  it('keeps serving reads and live video, answers 503 to writes, does not crash, and works again when space returns', async () => {
    const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
    station = await serveStation(dataDir, ports);
    const { vigil, call } = station;
    expect((await call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'lobby') })).status).toBe(
      201,
    );
    const isLive = async (on = call): Promise<boolean> =>
      ((await (await on('/cameras/lobby')).json()) as { status: string }).status === 'live';
    await eventually(async () => ((await isLive()) ? true : undefined), 20_000);

    const filler = await fill(dataDir);

    // Writes: 503 with the folder and the fix, and nothing half-applied.
    const added = await call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'hall') });
    expect(added.status).toBe(503);
    const { error } = (await added.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('VIGIL_ERR_STORAGE_UNAVAILABLE');
    expect(error.message).toContain(`the disk holding ${dataDir} is full (ENOSPC)`);
    const renamed = await call('/cameras/lobby', { method: 'PATCH', body: { name: 'Renamed' } });
    expect(renamed.status).toBe(503);
    const cameras = (await (await call('/cameras')).json()) as { camera_id: string; name: string }[];
    expect(cameras.map((c) => [c.camera_id, c.name])).toEqual([['lobby', 'lobby']]);

    // Reads and live video go on: the camera stays live for a while, its stream info is served.
    for (let i = 0; i < 5; i++) {
      expect(await isLive()).toBe(true);
      expect((await call('/cameras/lobby/stream')).status).toBe(200);
      expect((await call('/health')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // The log lines the file could not take are counted, and the terminal said so once.
    const metrics = await (await call('/metrics')).text();
    const dropped = Number(/^vigil_log_lines_dropped_total (\d+)$/m.exec(metrics)?.[1] ?? 0);
    expect(dropped).toBeGreaterThan(0);
    expect(vigil.stdout().match(/the log file .* cannot be written/g)).toHaveLength(1);
    expect(isAlive(vigil.pid)).toBe(true);

    // Killed and started again while still full: it starts, serves reads and video, and says why it made no
    // sign-in link (the disk would not keep it); no second Janus.
    process.kill(vigil.pid, 'SIGKILL');
    await vigil.exited;
    station = await serveStation(dataDir, ports);
    const full = station;
    expect(full.vigil.stdout()).toContain(
      'No browser sign-in link this time. The station cannot save changes',
    );
    await eventually(async () => ((await isLive(full.call)) ? true : undefined), 20_000);
    expect(janusPidsOn(dataDir)).toHaveLength(1);
    expect((await full.call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'hall') })).status).toBe(
      503,
    );

    // Space returns: writes work again.
    await rm(filler);
    expect((await full.call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'hall') })).status).toBe(
      201,
    );

    // A line the full disk cut off is ended before the next run's first line: no two entries share a line.
    const log = await readFile(join(dataDir, 'logs', 'vigil.log'), 'utf8');
    expect(log.split('\n').filter((line) => line.indexOf('{"level"', 1) > 0)).toEqual([]);
    expect(isAlive(full.vigil.pid)).toBe(true);
    process.kill(full.vigil.pid, 'SIGTERM');
    expect(await full.vigil.exited).toBe(0);
  }, 180_000);

  it('recovers its log file while it runs, once space returns', async () => {
    const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
    station = await serveStation(dataDir, ports);
    const { vigil, call } = station;
    const filler = await fill(dataDir);
    // The log file's last page may still take a line or two: refused writes log until one is dropped.
    await eventually(async () => {
      expect((await call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'yard') })).status).toBe(
        503,
      );
      const metrics = await (await call('/metrics')).text();
      return /^vigil_log_lines_dropped_total [1-9]/m.test(metrics) ? true : undefined;
    });
    await rm(filler);
    // The file is tried again on the first line after LOG_FILE_RETRY_MS; stopping logs one.
    await new Promise((resolve) => setTimeout(resolve, LOG_FILE_RETRY_MS + 1_000));
    expect(isAlive(vigil.pid)).toBe(true);
    process.kill(vigil.pid, 'SIGTERM');
    expect(await vigil.exited).toBe(0);
    const log = await readFile(join(dataDir, 'logs', 'vigil.log'), 'utf8');
    expect(log).toMatch(
      /"dropped":[1-9]\d*,"msg":"the log file can be written again; lines were dropped meanwhile"/,
    );
    expect(log).toContain('"msg":"stopped"');
  }, 180_000);
});
