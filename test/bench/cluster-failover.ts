// The failover part of `npm run bench -- cluster`, on real parts inside the lab: a nats-server, three Janus (the
// lab's and two more) and three stations placed by startClusterGateway, 300 cameras on the lab's camera.
// kill -9 of the busiest Janus: time until each of its cameras has its mountpoint on another Janus and until video
// flows there (age < 2 s, what the station calls live), as an outside observer of the Janus sees it. (KV write →
// watch latency is the cluster-kv part.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import type { GatewayEndpoints } from '../../main/gateway/gateway';
import { openCameraStore } from '../../main/store/camera-store';
import { createKeyFileCipher, type SecretCipher } from '../../main/store/secret-cipher';
import type { StoredCamera } from '../../main/store/stored-camera';
import { startNatsServer, type NatsServer } from '../integration/cluster/nats-server';
import { clusterDataDir, startClusterStation, type ClusterStation } from '../integration/cluster/gw-stations';
import { labGateway } from '../integration/station/harness';
import { mountpointAges } from '../integration/station/janus-view';
import type { Lab } from '../lab';
import { startJanus } from '../lab/janus';
import type { PartProcess } from '../lab/processes';

const CAMERAS = Number(process.env.BENCH_FAILOVER_CAMERAS ?? 300);
const SETTLE_TIMEOUT_MS = 180_000;
const FAILOVER_TIMEOUT_MS = 60_000;
const LIVE_AGE_MS = 2_000;
const HERE = { prefix: [], detached: false } as const;

/** Prints how long the stations take to start 300 cameras over 3 Janus, and to fail over a killed Janus. */
export async function benchClusterFailover(lab: Lab): Promise<void> {
  const nats = await startNatsServer();
  try {
    await benchFailover(lab, nats);
  } finally {
    await nats.dispose();
  }
}

/** The same records for every station's store: one mountpoint id, secret and pin per camera cluster-wide. */
async function cameraRecords(lab: Lab, cipher: SecretCipher, dataDir: string): Promise<StoredCamera[]> {
  const store = await openCameraStore({ dataDir, cipher });
  const camera = lab.cameras[0];
  if (camera === undefined) throw new Error('the lab has no camera');
  const now = new Date().toISOString();
  const records: StoredCamera[] = [];
  for (let i = 0; i < CAMERAS; i++) {
    records.push({
      camera_id: `cam-${String(i + 1).padStart(3, '0')}`,
      name: `Camera ${i + 1}`,
      rtsp_url: camera.url,
      username: camera.username,
      password_sealed: await store.sealPassword(camera.password),
      auth_method: 'digest',
      description: '',
      enabled: true,
      substream_url: null,
      tags: [],
      mountpoint: await store.newMountpoint(),
      created_at: now,
      updated_at: now,
    });
  }
  return records;
}

async function benchFailover(lab: Lab, nats: NatsServer): Promise<void> {
  const dirs: string[] = [];
  const extra: PartProcess[] = [];
  const stations: ClusterStation[] = [];
  try {
    const keyDir = await mkdtemp(join(tmpdir(), 'vigil-bench-key-'));
    dirs.push(keyDir);
    const cipher = await createKeyFileCipher(keyDir);
    const endpoints = new Map<string, GatewayEndpoints>([['gw-a', labGateway(lab)]]);
    for (const gatewayId of ['gw-b', 'gw-c']) {
      const stateDir = await mkdtemp(join(tmpdir(), `vigil-bench-${gatewayId}-`));
      dirs.push(stateDir);
      const janus = await startJanus(
        { stateDir, sessionTimeoutSeconds: 60, allowOrigin: lab.janus.allow_origin },
        HERE,
      );
      extra.push(janus.process);
      const { urls, secrets } = janus.config.folder;
      endpoints.set(gatewayId, { urls, secrets, origin: janus.config.allowOrigin });
    }
    const seedDir = await clusterDataDir();
    dirs.push(seedDir);
    const records = await cameraRecords(lab, cipher, seedDir);
    const started = performance.now();
    for (const [gatewayId, gateway] of endpoints) {
      const dataDir = await clusterDataDir();
      dirs.push(dataDir);
      stations.push(
        await startClusterStation({
          gatewayId,
          endpoints: gateway,
          natsUrl: nats.url,
          cipher,
          dataDir,
          records,
        }),
      );
    }
    const placement = (stations[0] as ClusterStation).cluster.placement;
    // Every gateway registered and live before the spread is read (each station's first heartbeat).
    for (let i = 0; i < 100 && placement.camerasByGateway().size < endpoints.size; i++) await sleep(100);
    const byGateway = new Map([...endpoints.keys()].map((id) => [id, [] as StoredCamera[]]));
    for (const record of records) byGateway.get(placement.gatewayIdOf(record.camera_id) ?? '')?.push(record);
    const spread = [...byGateway].map(([id, held]) => `${id} ${held.length}`).join(', ');
    const settled = await Promise.all(
      [...byGateway].map(([id, held]) =>
        whenOn(new Map([[id, endpoints.get(id) as GatewayEndpoints]]), held, SETTLE_TIMEOUT_MS, started),
      ),
    );
    const slowest = (key: 'created' | 'live') => Math.max(...settled.map((one) => one[key]));
    const liveCount = settled.reduce((sum, one) => sum + one.liveCount, 0);
    console.log(`cluster: ${CAMERAS} cameras over 3 Janus (${spread}), stations started together`);
    console.log(
      `  every mountpoint on its gateway's Janus ${slowest('created').toFixed(0)} ms after the start, ` +
        `${liveCount}/${CAMERAS} with video by ${slowest('live').toFixed(0)} ms`,
    );

    const [victim, lost] = [...byGateway].sort((a, b) => b[1].length - a[1].length)[0] as [
      string,
      StoredCamera[],
    ];
    const survivors = new Map([...endpoints].filter(([id]) => id !== victim));
    const victimJanus = victim === 'gw-a' ? undefined : extra[victim === 'gw-b' ? 0 : 1];
    const killed = performance.now();
    if (victimJanus === undefined) await lab.janus.kill('SIGKILL');
    else {
      victimJanus.kill('SIGKILL');
      await victimJanus.exited;
    }
    const after = await whenOn(survivors, lost, FAILOVER_TIMEOUT_MS, killed);
    console.log(
      `cluster: kill -9 of ${victim}'s Janus, ${lost.length} cameras (the busiest gateway's) fail over (goal ≤ 10 s)`,
    );
    console.log(
      `  every mountpoint created on the other Janus: ${after.created.toFixed(0)} ms after the kill`,
    );
    console.log(
      `  video flowing (age < ${LIVE_AGE_MS} ms) for ${after.liveCount}/${lost.length}: ${after.live.toFixed(0)} ms after the kill` +
        (after.liveCount < lost.length
          ? ' (not all: see the lab camera’s log for RTSP sessions it refused)'
          : ''),
    );
    if (victimJanus === undefined) await lab.janus.start();
  } finally {
    for (const station of stations) await station.stop().catch(() => undefined);
    for (const janus of extra) await janus.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

/** When (ms after `from`) every camera's mountpoint existed on one of `endpoints`, and when each had video there. */
async function whenOn(
  endpoints: ReadonlyMap<string, GatewayEndpoints>,
  records: readonly StoredCamera[],
  timeoutMs: number,
  from: number = performance.now(),
): Promise<{ created: number; live: number; liveCount: number }> {
  const wanted = new Set(records.map((record) => record.mountpoint.id));
  const created = new Map<number, number>();
  const live = new Map<number, number>();
  while (live.size < wanted.size && performance.now() - from < timeoutMs) {
    for (const gateway of endpoints.values()) {
      const ages = await mountpointAges(gateway).catch(() => []);
      const at = performance.now() - from;
      for (const { id, ageMs } of ages) {
        if (!wanted.has(id)) continue;
        if (!created.has(id)) created.set(id, at);
        if (!live.has(id) && ageMs !== undefined && ageMs < LIVE_AGE_MS) live.set(id, at);
      }
    }
    await sleep(250);
  }
  const last = (times: Map<number, number>) => (times.size === 0 ? NaN : Math.max(...times.values()));
  return {
    created: created.size === wanted.size ? last(created) : NaN,
    live: last(live),
    liveCount: live.size,
  };
}
