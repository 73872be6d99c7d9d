// Alarms in cluster mode through the station as hosts run it: two station cores (the runtime's, on the lab's
// Janus) in cluster mode (setupCluster: shared stores, alarms, gateways) on a real nats-server, driven over REST. Checks what callers and receivers see:
// an alarm raised on A is listed by B, two desks acknowledging at once get 200 and 409, a hook registered on
// both stations gets each change once, writes answer 503 while NATS is down and reads keep answering.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Alarm } from '../../../common/alarms';
import { initClusterKey } from '../../../main/cluster/cluster-key';
import type { ClusterConnection } from '../../../main/cluster/connection';
import { setupCluster } from '../../../main/runtime/cluster';
import { startStationCore, type StationCore } from '../../../main/runtime/station-core';
import { Teardown } from '../../../main/runtime/teardown';
import { DEFAULT_WALL_FILES } from '../../../main/runtime/wall';
import { loadStationId } from '../../../main/station/station-id';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import type { Lab } from '../../lab';
import { freePort } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { Receiver } from '../alarms/receiver';
import { labCameraBody } from '../audit/served-station';
import { labGateway } from '../station/harness';
import { eventually } from '../wait';
import { startNatsServer, type NatsServer } from './nats-server';

const lab = useLab({ cameras: 1 });
const logger = pino({ level: 'silent' });
const SECRET = 'a-long-shared-hook-secret';

/** One station core in cluster mode for its alarms, with its manage key. */
interface RestStation {
  core: StationCore;
  connection: ClusterConnection;
  call: (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;
  stop: () => Promise<void>;
}

async function startStation(labNow: Lab, nats: NatsServer, keyFile: string): Promise<RestStation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-cluster-rest-'));
  const stationId = await loadStationId(dataDir);
  const teardown = new Teardown(logger);
  const cluster = await setupCluster(
    { servers: [nats.url], keyFile },
    { dataDir, name: stationId, logger },
    teardown,
  );
  const { connection } = cluster;
  const port = await freePort();
  const core = await startStationCore(
    {
      dataDir,
      logger,
      cipher: await createKeyFileCipher(dataDir),
      gateway: { mode: 'remote', endpoints: labGateway(labNow) },
      iceServers: [],
      api: { host: '127.0.0.1', port, allowedHosts: [], corsOrigins: [], changeWith: { port: '--port' } },
      wall: DEFAULT_WALL_FILES,
      cluster,
    },
    teardown,
  );
  const { key } = await core.keys.create('tests', 'manage');
  const call: RestStation['call'] = (path, init = {}) =>
    fetch(`${core.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${key}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const stop = async (): Promise<void> => {
    await teardown.run();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { core, connection, call, stop };
}

let folder: string;
let nats: NatsServer;
let receiver: Receiver;
let a: RestStation;
let b: RestStation;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vigil-cluster-rest-'));
  nats = await startNatsServer();
  receiver = new Receiver(await freePort(), SECRET);
  await receiver.start();
  const keyFile = join(folder, 'cluster.key');
  await initClusterKey(keyFile);
  a = await startStation(lab(), nats, keyFile);
  b = await startStation(lab(), nats, keyFile);
  const camera = await a.call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'gate') });
  expect(camera.status).toBe(201);
  await eventually(async () => ((await b.call('/cameras/gate')).status === 200 ? true : undefined), 5_000);
  for (const station of [a, b]) {
    const hook = await station.call('/webhooks', {
      method: 'POST',
      body: { url: receiver.url, events: ['alarm.raised', 'alarm.updated'], secret: SECRET },
    });
    expect(hook.status).toBe(201);
  }
});

afterAll(async () => {
  for (const station of [a, b] as (RestStation | undefined)[]) await station?.stop();
  await receiver.stop();
  await nats.dispose();
  await rm(folder, { recursive: true, force: true });
});

/** The `error` of a failed answer's body. */
async function errorOf(answer: Response | undefined): Promise<unknown> {
  return ((await answer?.json()) as { error?: unknown } | undefined)?.error;
}

const raise = (title: string): { method: string; body: unknown } => ({
  method: 'POST',
  body: { camera_ids: ['gate'], severity: 'warning', title },
});

describe('cluster alarms over REST', () => {
  it('raised on A, listed by B; acknowledged at once on both: 200 and 409; each change reaches a hook once', async () => {
    const created = await a.call('/alarms', raise('Across stations'));
    expect(created.status).toBe(201);
    const alarm = (await created.json()) as Alarm;
    await eventually(
      async () => {
        const listed = (await (await b.call('/alarms')).json()) as Alarm[];
        return listed.some((x) => x.alarm_id === alarm.alarm_id) ? true : undefined;
      },
      1_000,
      20,
    );

    const answers = await Promise.all(
      [a, b].map((station) =>
        station.call(`/alarms/${alarm.alarm_id}/acknowledge`, { method: 'POST', body: {} }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    expect(await errorOf(refused)).toMatchObject({ code: 'VIGIL_ERR_ALARM_STATE', field: 'state' });

    const deliveries = await eventually(() => {
      const mine = receiver.received.filter((got) => got.body.event.alarm?.alarm_id === alarm.alarm_id);
      return Promise.resolve(mine.length >= 2 ? mine : undefined);
    }, 10_000);
    // Give a second (wrong) delivery time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const all = receiver.received.filter((got) => got.body.event.alarm?.alarm_id === alarm.alarm_id);
    expect(all.map((got) => `${got.event}:${got.body.event.alarm?.state ?? ''}`).sort()).toEqual([
      'alarm.raised:new',
      'alarm.updated:acknowledged',
    ]);
    expect(deliveries.every((got) => got.signatureValid)).toBe(true);
  });

  it(
    'NATS down: POST /alarms answers 503 VIGIL_ERR_CLUSTER_UNAVAILABLE, GET /alarms the last known; back: B sees what A raises',
    { timeout: 60_000 },
    async () => {
      const before = (await (await b.call('/alarms')).json()) as Alarm[];
      await nats.stop();
      await eventually(
        () => Promise.resolve(a.connection.isUp || b.connection.isUp ? undefined : true),
        10_000,
        50,
      );
      const refused = await a.call('/alarms', raise('During the outage'));
      expect(refused.status).toBe(503);
      expect(await errorOf(refused)).toMatchObject({
        code: 'VIGIL_ERR_CLUSTER_UNAVAILABLE',
        message: expect.stringMatching(/NATS\) cannot be reached: nothing was changed/) as string,
      });
      const listed = await b.call('/alarms');
      expect(listed.status).toBe(200);
      expect(((await listed.json()) as Alarm[]).map((x) => x.alarm_id)).toEqual(
        before.map((x) => x.alarm_id),
      );

      await nats.start();
      const after = await eventually(
        async () => {
          const answer = await a.call('/alarms', raise('After the outage'));
          return answer.status === 201 ? ((await answer.json()) as Alarm) : undefined;
        },
        20_000,
        250,
      );
      await eventually(
        async () => {
          const seen = (await (await b.call('/alarms')).json()) as Alarm[];
          return seen.some((x) => x.alarm_id === after.alarm_id) ? true : undefined;
        },
        10_000,
        50,
      );
    },
  );
});
