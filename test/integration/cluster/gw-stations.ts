// Real cluster stations for the failover tests: each a Station on its own real Janus with its own file camera store
// (fed the same camera records, sealed with the shared cluster key), placed by startClusterGateway over a real
// nats-server. Logs go to <dataDir>/station.log.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { Registry } from 'prom-client';

import { createRootLogger } from '../../../main/base/log';
import { startClusterGateway, type ClusterGateway } from '../../../main/cluster/cluster-gateway';
import { ClusterConnection } from '../../../main/cluster/connection';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { StationEventBus } from '../../../main/station/event-bus';
import { Station } from '../../../main/station/station';
import { openCameraStore, type CameraStore } from '../../../main/store/camera-store';
import type { SecretCipher } from '../../../main/store/secret-cipher';
import type { StoredCamera } from '../../../main/store/stored-camera';
import type { StationEvent } from '../../../common/events';
import { TEST_TIMINGS } from '../station/harness';

/** One running cluster station. */
export interface ClusterStation {
  gatewayId: string;
  dataDir: string;
  store: CameraStore;
  station: Station;
  cluster: ClusterGateway;
  connection: ClusterConnection;
  metrics: Registry;
  events: StationEvent[];
  /** The camera's health state as this station reports it ('live' means its Janus has video for it). */
  stateOf(cameraId: string): Promise<string | undefined>;
  /** Stops the station and its cluster side (heartbeats stop; its Janus keeps what it had). */
  stop(): Promise<void>;
}

/** A fresh data dir for a cluster station. */
export function clusterDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vigil-gw-station-'));
}

/** Starts a station on `endpoints` in the cluster at `natsUrl`, its gateway registered as `gatewayId`. */
export async function startClusterStation(options: {
  gatewayId: string;
  endpoints: GatewayEndpoints;
  natsUrl: string;
  cipher: SecretCipher;
  dataDir: string;
  /** Camera records put in the store (those it lacks) before the station starts. */
  records: readonly StoredCamera[];
}): Promise<ClusterStation> {
  const { gatewayId, endpoints, cipher, dataDir } = options;
  const logger = createRootLogger(
    { level: 'debug' },
    pino.destination({ dest: join(dataDir, 'station.log'), sync: true, mkdir: true }),
  );
  const store = await openCameraStore({ dataDir, cipher, logger });
  for (const record of options.records) {
    if (store.get(record.camera_id) === undefined) await store.insert(record);
  }
  const connection = await ClusterConnection.connect({ servers: [options.natsUrl], name: gatewayId }, logger);
  const bus = new StationEventBus();
  const events: StationEvent[] = [];
  bus.on('event', (event) => events.push(event));
  const metrics = new Registry();
  const cluster = await startClusterGateway({
    connection,
    cipher,
    stationId: `station-${gatewayId}`,
    gatewayId,
    endpoints,
    cameras: store,
    events: bus,
    logger,
    metrics,
  });
  const station = await Station.start({
    dataDir,
    store,
    gateway: endpoints,
    viewerUrl: 'ws://127.0.0.1:9/janus',
    logger,
    metrics,
    timings: TEST_TIMINGS,
    events: bus,
    placement: cluster.placement,
  });
  cluster.publishHealthFrom(station);
  return {
    gatewayId,
    dataDir,
    store,
    station,
    cluster,
    connection,
    metrics,
    events,
    async stateOf(cameraId) {
      const report = await station.health(true);
      return report.cameras?.find((camera) => camera.camera_id === cameraId)?.state;
    },
    async stop() {
      await cluster.stop();
      await station.stop();
      await connection.close();
      logger.flush();
    },
  };
}
