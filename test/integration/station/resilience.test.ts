import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { useLab } from '../../lab/vitest';
import { labCamera } from '../janus/connect';
import { eventually } from '../wait';
import { freshDataDir, labGateway, removeDataDir, startStation, type RunningStation } from './harness';
import { createForeignMountpoint, janusMountpoints } from './janus-view';

const lab = useLab({ cameras: 2, auth: 'digest' });

type Health = {
  status: string;
  janus_connectivity: string;
  cameras?: { camera_id: string; state: string }[];
};

describe('a station that keeps going', () => {
  let dataDir: string;
  let running: RunningStation;
  const events: StationEvent[] = [];

  beforeAll(async () => {
    dataDir = await freshDataDir();
    running = await startStation(labGateway(lab()), dataDir);
    running.station.onEvent((event) => events.push(event));
    for (const [index, id] of ['north', 'south'].entries()) {
      const camera = labCamera(lab(), index);
      const response = await running.call('/cameras', {
        method: 'POST',
        body: {
          camera_id: id,
          name: id,
          rtsp_url: camera.url,
          username: camera.username,
          password: camera.password,
        },
      });
      expect(response.status).toBe(201);
    }
  });
  afterAll(async () => {
    await running.stop({ removeMountpoints: true });
    await removeDataDir(dataDir);
  });

  const health = async () => (await (await running.call('/health')).json()) as Health;
  /** Waits for one of `states`; on timeout, says what the camera's health last was. */
  const waitForState = async (cameraId: string, states: string[], timeoutMs = 20_000) => {
    let last: { state?: string } | undefined;
    try {
      return await eventually(async () => {
        last = (await health()).cameras?.find((c) => c.camera_id === cameraId);
        return last?.state !== undefined && states.includes(last.state) ? last.state : undefined;
      }, timeoutMs);
    } catch (error) {
      throw new Error(`${cameraId} never became ${states.join('/')}: last ${JSON.stringify(last)}`, {
        cause: error,
      });
    }
  };
  const ours = async () => (await janusMountpoints(lab())).filter((m) => m.metadata?.startsWith('vigil:'));

  it('a camera that stops goes stale/offline in /health and /events, and comes back live by itself', async () => {
    await waitForState('north', ['live']);
    await waitForState('south', ['live']);
    events.length = 0;
    await lab().camera.stop();
    expect(await waitForState('north', ['stale', 'offline'])).toMatch(/stale|offline/);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'camera.state', camera_id: 'north', state: 'stale', previous: 'live' }),
    );
    expect((await health()).status).toBe('degraded');

    await lab().camera.start();
    await waitForState('north', ['live'], 30_000);
    await waitForState('south', ['live'], 30_000);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'camera.state', camera_id: 'north', state: 'live' }),
    );
    const detail = (await (await running.call('/cameras/north')).json()) as {
      health: { reconnects: number };
    };
    expect(detail.health.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('a camera added while it is down is refused with advice, registered with allow_offline, and goes live later', async () => {
    await lab().camera.stop();
    const camera = labCamera(lab());
    const body = {
      camera_id: 'late',
      name: 'Late',
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
    };
    const refused = await running.call('/cameras', { method: 'POST', body });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'allow_offline',
    );
    const added = await running.call('/cameras', { method: 'POST', body: { ...body, allow_offline: true } });
    expect(added.status).toBe(201);
    const { stream_id: id } = (await added.json()) as { stream_id: number };
    expect((await ours()).map((m) => m.id)).toContain(id);

    await lab().camera.start();
    await waitForState('late', ['live'], 30_000);
    await waitForState('north', ['live'], 30_000);
    expect((await running.call('/cameras/late', { method: 'DELETE' })).status).toBe(200);
  });

  it('Janus killed with SIGKILL and started again: the station sees it and puts every mountpoint back', async () => {
    expect(await ours()).toHaveLength(2);
    events.length = 0;
    await lab().janus.kill('SIGKILL');
    await eventually(async () => ((await health()).janus_connectivity === 'down' ? true : undefined));
    expect(events).toContainEqual(expect.objectContaining({ type: 'gateway.down' }));
    // Bad for viewers, but the store stays the truth.
    expect((await (await running.call('/cameras')).json()) as unknown[]).toHaveLength(2);

    await lab().janus.start();
    await eventually(async () => ((await ours()).length === 2 ? true : undefined), 20_000);
    expect(events).toContainEqual(expect.objectContaining({ type: 'gateway.up' }));
    await waitForState('north', ['live'], 30_000);
    expect((await health()).janus_connectivity).toBe('ok');
  });

  it('the station restarted: cameras are still there and their mountpoints are re-created', async () => {
    const before = (await (await running.call('/cameras')).json()) as {
      camera_id: string;
      stream_id: number;
    }[];
    await running.stop({ removeMountpoints: true });
    expect(await ours()).toHaveLength(0);

    running = await startStation(labGateway(lab()), dataDir);
    const after = (await (await running.call('/cameras')).json()) as {
      camera_id: string;
      stream_id: number;
    }[];
    expect(after.map((c) => [c.camera_id, c.stream_id])).toEqual(
      before.map((c) => [c.camera_id, c.stream_id]),
    );
    await eventually(async () => ((await ours()).length === 2 ? true : undefined), 20_000);
    await waitForState('south', ['live'], 30_000);
  });

  it('a station restarted while Janus kept its mountpoints leaves them, and mountpoints it did not make, alone', async () => {
    const foreign = await createForeignMountpoint(lab());
    const before = await ours();
    await running.stop({ removeMountpoints: false });
    running = await startStation(labGateway(lab()), dataDir);
    await waitForState('north', ['live'], 30_000);
    await running.stop({ removeMountpoints: true });
    expect((await janusMountpoints(lab())).map((m) => m.id)).toContain(foreign);
    running = await startStation(labGateway(lab()), dataDir);
    await waitForState('north', ['live'], 30_000);
    const after = await ours();
    expect(after.map((m) => m.metadata).sort()).toEqual(before.map((m) => m.metadata).sort());
    expect((await janusMountpoints(lab())).map((m) => m.id)).toContain(foreign);
  });
});
