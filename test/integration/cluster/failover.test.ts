// Cluster failover with real parts: a nats-server (JetStream), three Janus processes (the lab's and two more in
// the lab namespace), three Stations placed by startClusterGateway, six cameras on the lab's RTSP camera.
// `kill -9` of a Janus, a stopped station, and each gateway coming back — timed and printed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { openCameraStore } from '../../../main/store/camera-store';
import { createKeyFileCipher, type SecretCipher } from '../../../main/store/secret-cipher';
import type { StoredCamera } from '../../../main/store/stored-camera';
import { launchJanus, startJanus, type LabJanusConfig } from '../../lab/janus';
import type { PartProcess } from '../../lab/processes';
import { useLab } from '../../lab/vitest';
import { labCamera } from '../janus/connect';
import { labGateway } from '../station/harness';
import { until } from '../wait';
import { startNatsServer, type NatsServer } from './nats-server';
import { clusterDataDir, startClusterStation, type ClusterStation } from './gw-stations';

const lab = useLab({ cameras: 3 });
const CAMERA_IDS = ['door', 'gate', 'hall', 'lift', 'roof', 'yard'];
const GATEWAYS = ['gw-a', 'gw-b', 'gw-c'] as const;

describe('cluster failover (3 Janus, 3 stations, NATS)', () => {
  let nats: NatsServer | undefined;
  let natsUrl = '';
  let keyDir: string;
  let cipher: SecretCipher;
  /** The two extra Janus by gateway id (gw-a is the lab's own). */
  const extraJanus = new Map<string, { config: LabJanusConfig; process: PartProcess }>();
  /** kill -9 of a gateway's Janus, and starting it again on the same config. */
  const janusOf = (gatewayId: string) => {
    const extra = extraJanus.get(gatewayId);
    if (extra === undefined) {
      return { kill: () => lab().janus.kill('SIGKILL'), start: () => lab().janus.start() };
    }
    return {
      kill: async () => {
        extra.process.kill('SIGKILL');
        await extra.process.exited;
      },
      start: async () => {
        extra.process = await launchJanus(extra.config, { prefix: [], detached: false });
      },
    };
  };
  const endpoints = new Map<string, GatewayEndpoints>();
  const stations = new Map<string, ClusterStation>();
  const dataDirs: string[] = [];

  const dataDirOf = new Map<string, string>();
  let records: StoredCamera[] = [];
  /** Starts (or starts again, on the same data folder and so the same station id) the station of a gateway. */
  const start = async (gatewayId: string): Promise<ClusterStation> => {
    const dataDir = dataDirOf.get(gatewayId) ?? (await clusterDataDir());
    dataDirOf.set(gatewayId, dataDir);
    const running = await startClusterStation({
      gatewayId,
      endpoints: endpoints.get(gatewayId) as GatewayEndpoints,
      natsUrl,
      cipher,
      dataDir,
      records,
    });
    stations.set(gatewayId, running);
    return running;
  };

  beforeAll(async () => {
    nats = await startNatsServer();
    natsUrl = nats.url;
    keyDir = await mkdtemp(join(tmpdir(), 'vigil-gw-key-'));
    cipher = await createKeyFileCipher(keyDir);
    endpoints.set('gw-a', labGateway(lab()));
    for (const gatewayId of ['gw-b', 'gw-c']) {
      const stateDir = await mkdtemp(join(tmpdir(), `vigil-gw-${gatewayId}-`));
      const janus = await startJanus(
        { stateDir, sessionTimeoutSeconds: 60, allowOrigin: lab().janus.allow_origin },
        { prefix: [], detached: false },
      );
      extraJanus.set(gatewayId, janus);
      const { urls, secrets } = janus.config.folder;
      endpoints.set(gatewayId, { urls, secrets, origin: janus.config.allowOrigin });
    }
    records = await cameraRecords();
    for (const gatewayId of GATEWAYS) await start(gatewayId);
  }, 120_000);

  afterAll(async () => {
    for (const running of stations.values()) await running.stop().catch(() => undefined);
    for (const janus of extraJanus.values()) await janus.process.stop();
    await nats?.dispose();
    for (const dir of [...dataDirs, ...dataDirOf.values(), keyDir])
      await rm(dir, { recursive: true, force: true });
  });

  /** The same records for every station's store: one mountpoint id, secret and pin per camera cluster-wide. */
  async function cameraRecords(): Promise<StoredCamera[]> {
    const dataDir = await clusterDataDir();
    dataDirs.push(dataDir);
    const seedStore = await openCameraStore({ dataDir, cipher });
    const now = new Date().toISOString();
    const made: StoredCamera[] = [];
    for (const [index, cameraId] of CAMERA_IDS.entries()) {
      const camera = labCamera(lab(), index % 3);
      made.push({
        camera_id: cameraId,
        name: cameraId,
        rtsp_url: camera.url,
        username: camera.username,
        password_sealed: await seedStore.sealPassword(camera.password),
        auth_method: 'digest',
        description: '',
        enabled: true,
        substream_url: null,
        tags: [],
        mountpoint: await seedStore.newMountpoint(),
        created_at: now,
        updated_at: now,
      });
    }
    return made;
  }

  const any = (): ClusterStation => [...stations.values()][0] as ClusterStation;
  const holderOf = (cameraId: string): string | null => any().cluster.placement.gatewayIdOf(cameraId);
  const camerasOn = (gatewayId: string): string[] =>
    CAMERA_IDS.filter((cameraId) => holderOf(cameraId) === gatewayId);
  /** Every camera held by a running station and live on that station's Janus; else what is not. */
  const notLive = async (cameraIds: readonly string[], notOn?: string): Promise<string[]> => {
    const missing: string[] = [];
    for (const cameraId of cameraIds) {
      const holder = holderOf(cameraId);
      const station = holder === null ? undefined : stations.get(holder);
      const state = await station?.stateOf(cameraId);
      if (holder === notOn || state !== 'live') missing.push(`${cameraId}@${holder}:${state}`);
    }
    return missing;
  };
  const timed = async (
    what: string,
    startedAt: number,
    cameraIds: readonly string[],
    notOn: string,
    limitMs: number,
  ) => {
    const left = await until(
      () => notLive(cameraIds, notOn),
      (l) => l.length === 0,
      limitMs * 3,
      100,
    );
    const ms = Date.now() - startedAt;
    console.log(`${what}: ${cameraIds.length} cameras live on other gateways in ${ms} ms`);
    expect(left).toEqual([]);
    return ms;
  };

  it('spreads the cameras over the three gateways and every camera is live on its gateway', async () => {
    const startedAt = Date.now();
    const left = await until(
      () => notLive(CAMERA_IDS),
      (l) => l.length === 0,
      60_000,
      200,
    );
    expect(left).toEqual([]);
    const spread = Object.fromEntries(GATEWAYS.map((g) => [g, camerasOn(g)]));
    console.log(
      `all ${CAMERA_IDS.length} cameras live in ${Date.now() - startedAt} ms, spread ${JSON.stringify(spread)}`,
    );
    for (const gatewayId of GATEWAYS) expect(camerasOn(gatewayId).length).toBeGreaterThan(0);
    // Every station places the same way.
    for (const running of stations.values()) {
      for (const cameraId of CAMERA_IDS)
        expect(running.cluster.placement.gatewayIdOf(cameraId)).toBe(holderOf(cameraId));
    }
    const listed = await any().cluster.gateways.listGateways();
    expect(listed.map((g) => [g.gateway_id, g.live, g.cameras.count])).toEqual(
      GATEWAYS.map((g) => [g, true, camerasOn(g).length]),
    );
  }, 90_000);

  it('NATS away for longer than the heartbeat TTL: no camera moves and all stay live; none moves when it is back', async () => {
    const before = CAMERA_IDS.map(holderOf);
    const moved = () =>
      [...stations.values()].flatMap((s) => s.events.filter((e) => e.type === 'camera.moved')).length;
    const movesBefore = moved();
    await (nats as NatsServer).kill();
    await sleep(5_000);
    expect(CAMERA_IDS.map(holderOf)).toEqual(before);
    expect(await notLive(CAMERA_IDS)).toEqual([]);
    await (nats as NatsServer).start();
    await sleep(6_000);
    expect(CAMERA_IDS.map(holderOf)).toEqual(before);
    expect(moved()).toBe(movesBefore);
    expect(await notLive(CAMERA_IDS)).toEqual([]);
    // The registry is followed again: every gateway live with fresh heartbeats.
    const listed = await any().cluster.gateways.listGateways();
    expect(listed.map((g) => [g.gateway_id, g.live])).toEqual(GATEWAYS.map((g) => [g, true]));
  }, 60_000);

  /** The gateway holding the most cameras (the first such, by id). */
  const busiest = (): string =>
    [...GATEWAYS].sort((a, b) => camerasOn(b).length - camerasOn(a).length)[0] as string;

  it('kill -9 of a Janus: its cameras are live on the other gateways within 5 s, and go home when it returns', async () => {
    const victim = busiest();
    const lost = camerasOn(victim);
    const watcher = [...stations.values()].find((s) => s.gatewayId !== victim) as ClusterStation;
    const eventsBefore = watcher.events.length;
    const killedAt = Date.now();
    await janusOf(victim).kill();
    const failover = await timed(`kill -9 of ${victim}'s Janus`, killedAt, lost, victim, 5_000);
    expect(failover).toBeLessThan(5_000);
    // Every station relays viewers to the new holder's Janus and, from the health board, reports the camera live.
    const routed = await until(
      async () => {
        const wrong: string[] = [];
        for (const running of stations.values()) {
          for (const cameraId of lost) {
            const holder = endpoints.get(holderOf(cameraId) ?? '')?.urls.ws;
            const relayTo = running.station.viewers.endpointsFor(cameraId)?.urls.ws;
            const ready = running.station.viewers.isReady(cameraId);
            const state = await running.stateOf(cameraId);
            if (relayTo !== holder || !ready || state !== 'live') {
              wrong.push(`${running.gatewayId} ${cameraId}: ${relayTo} ${ready} ${state}`);
            }
          }
        }
        return wrong;
      },
      (wrong) => wrong.length === 0,
      10_000,
      100,
    );
    expect(routed).toEqual([]);
    const heard = watcher.events.slice(eventsBefore);
    expect(heard).toContainEqual(expect.objectContaining({ type: 'gateway.down', gateway_id: victim }));
    for (const cameraId of lost) {
      expect(heard).toContainEqual(
        expect.objectContaining({ type: 'camera.moved', camera_id: cameraId, from: victim }),
      );
    }
    expect(await watcher.metrics.metrics()).toContain(`vigil_gateway_up{gateway="${victim}"} 0`);
    const gateways = await watcher.cluster.gateways.listGateways();
    expect(gateways.find((g) => g.gateway_id === victim)).toMatchObject({ state: 'down', live: false });

    const restartedAt = Date.now();
    await janusOf(victim).start();
    const home = await until(
      () => notLive(lost),
      (l) => l.length === 0 && lost.every((c) => holderOf(c) === victim),
      30_000,
      100,
    );
    console.log(
      `${victim}'s Janus back: its ${lost.length} cameras live at home again in ${Date.now() - restartedAt} ms`,
    );
    expect(home).toEqual([]);
    expect(camerasOn(victim)).toEqual(lost);
    expect(await watcher.metrics.metrics()).toContain(`vigil_gateway_up{gateway="${victim}"} 1`);
  }, 120_000);

  it("a stopped station: its gateway's cameras are taken over, and go home when it returns", async () => {
    const victim = busiest();
    const lost = camerasOn(victim);
    const stoppedAt = Date.now();
    await (stations.get(victim) as ClusterStation).stop();
    stations.delete(victim);
    // The heartbeat just stops: the others notice when it expires (3 s), then create the mountpoints.
    const takeover = await timed(
      `station of ${victim} stopped (heartbeat TTL 3 s)`,
      stoppedAt,
      lost,
      victim,
      8_000,
    );
    expect(takeover).toBeLessThan(8_000);

    const restartedAt = Date.now();
    await start(victim);
    const home = await until(
      () => notLive(lost),
      (l) => l.length === 0 && lost.every((c) => holderOf(c) === victim),
      30_000,
      100,
    );
    console.log(
      `station of ${victim} back: its ${lost.length} cameras live at home again in ${Date.now() - restartedAt} ms`,
    );
    expect(home).toEqual([]);
  }, 120_000);
});
