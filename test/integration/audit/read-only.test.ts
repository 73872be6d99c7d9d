// F2/F3 on the lab: the station's data folder turns read-only (a read-only bind mount over it) while the station
// runs. Every keyed read still answers 200 — checking a key no longer writes api-keys.json — and writes answer 503.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { isAlive, runVigil } from '../cli/vigil-process';
import { eventually } from '../wait';
import { bindReadOnly, labCameraBody, serveStation, unmount, type ServedStation } from './served-station';

const lab = useLab({ cameras: 1 });
let root: string;
let dataDir: string;
let station: ServedStation | undefined;
let mounted = false;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-audit-ro-'));
  dataDir = join(root, 'data');
});
afterAll(async () => {
  station?.vigil.kill();
  await station?.vigil.exited;
  if (mounted) await unmount(dataDir);
  await rm(root, { recursive: true, force: true });
});

describe('a station whose data folder turns read-only', () => {
  it('answers every keyed read 200 and every write 503, and takes writes again once it is writable', async () => {
    const created = await runVigil([
      'keys',
      'create',
      '--data-dir',
      dataDir,
      '--name',
      'portal',
      '--scope',
      'view',
    ]);
    const viewKey = /^ {2}(vigil_view_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    station = await serveStation(dataDir, await freePorts(['api', 'http', 'ws', 'admin'] as const));
    const { vigil, call } = station;
    expect((await call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'lobby') })).status).toBe(
      201,
    );
    await eventually(async () => {
      const camera = (await (await call('/cameras/lobby', { key: viewKey })).json()) as { status: string };
      return camera.status === 'live' ? true : undefined;
    }, 20_000);

    await bindReadOnly(dataDir);
    mounted = true;
    // Keys never used before (their last use is due): each read would have written api-keys.json.
    for (const key of [viewKey, station.manageKey]) {
      for (const path of ['/cameras', '/cameras/lobby', '/cameras/lobby/stream', '/health', '/views']) {
        const response = await call(path, { key });
        expect(response.status, `${path} with the ${key === viewKey ? 'view' : 'manage'} key`).toBe(200);
      }
    }
    const added = await call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'hall') });
    expect(added.status).toBe(503);
    const { error } = (await added.json()) as { error: { code: string; message: string } };
    expect(error).toMatchObject({ code: 'VIGIL_ERR_STORAGE_UNAVAILABLE' });
    expect(error.message).toContain('read-only file system (EROFS)');
    expect(isAlive(vigil.pid)).toBe(true);

    await unmount(dataDir);
    mounted = false;
    expect((await call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'hall') })).status).toBe(201);
    process.kill(vigil.pid, 'SIGTERM');
    expect(await vigil.exited).toBe(0);
  }, 180_000);
});
