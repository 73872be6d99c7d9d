// Cluster mode's gateway side, started once by the runtime before the Station: the station's gateway registered
// with a heartbeat that follows its Janus link, placement over the registry, cameras' health on the board, other
// gateways' changes announced, per-gateway metrics, and the service behind `GET /gateways`.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import type { StationEvent } from '../../common/events';
import type { GatewayEndpoints } from '../gateway/gateway';
import { backgroundClock, type Clock } from '../janus';
import type { SecretCipher } from '../store/secret-cipher';
import type { StoredCamera } from '../store/stored-camera';
import { CameraHealthBoard } from './camera-health-board';
import { ClusterPlacement } from './cluster-placement';
import type { ClusterConnection } from './connection';
import { GatewayHeartbeat, HEARTBEAT_INTERVAL_MS } from './gateway-heartbeat';
import { HealthPublisher, type HealthSource } from './gateway-health-publisher';
import {
  checkGatewayCapacity,
  DEFAULT_GATEWAY_CAPACITY,
  sealGatewaySecrets,
  type GatewayCapacity,
} from './gateway-record';
import { GatewayRegistry } from './gateway-registry';
import { clusterGatewayService, type GatewayService } from './gateway-service';
import { GatewayWatch } from './gateway-watch';

/** How often other gateways' liveness is looked at (heartbeats expire without a registry change). */
const WATCH_INTERVAL_MS = 500;

/** What the runtime gives cluster mode's gateway side. */
export interface ClusterGatewayOptions {
  connection: Pick<ClusterConnection, 'bucket' | 'isUp' | 'on'>;
  /** The cluster key's cipher: seals this gateway's secrets in the registry, unseals the others'. */
  cipher: SecretCipher;
  stationId: string;
  /** The id this station's gateway is registered under (a slug, unique in the cluster). */
  gatewayId: string;
  /** This station's Janus, as the others will relay viewers to it. */
  endpoints: GatewayEndpoints;
  capacity?: Partial<GatewayCapacity> | undefined;
  /** The camera store (a new list after each change). */
  cameras: { list(): readonly StoredCamera[] };
  /** The station's event bus: its own Janus's gateway.up/down and camera.state are heard there. */
  events: {
    on(event: 'event', listener: (event: StationEvent) => void): () => void;
    publish(event: StationEvent): void;
  };
  logger: Logger;
  metrics: Registry;
  clock?: Clock;
  /** How long a heartbeat counts (default 3 s). */
  ttlMs?: number;
}

/** Cluster mode's gateway side, running. */
export interface ClusterGateway {
  /** What the Station is started with (`StationOptions.placement`, a StationPlacement). */
  placement: ClusterPlacement;
  /** What `GET /gateways` serves (`ApiDeps.gateways`). */
  gateways: GatewayService;
  /** Publishes the health of the cameras this gateway holds from the station (call once it runs). */
  publishHealthFrom(source: HealthSource): void;
  /** Stops heartbeats, watches and timers (the registry entry then expires, as a stopped station's does). */
  stop(): Promise<void>;
}

/**
 * Registers this station's gateway, computes placement and keeps both current.
 * @example
 * const cluster = await startClusterGateway({ connection, cipher, stationId, gatewayId: 'janus-1', endpoints, cameras: store, events, logger, metrics });
 * const station = await Station.start({ ...options, events, placement: cluster.placement });
 * cluster.publishHealthFrom(station);
 */
export async function startClusterGateway(options: ClusterGatewayOptions): Promise<ClusterGateway> {
  const { connection, cipher, gatewayId, events, metrics } = options;
  const clock = options.clock ?? backgroundClock;
  const logger = options.logger.child({ name: 'cluster/gateway' });
  const capacity = { ...DEFAULT_GATEWAY_CAPACITY, ...options.capacity };
  checkGatewayCapacity(capacity);
  const registry = await GatewayRegistry.open(connection, logger, { ttlMs: options.ttlMs });
  const board = await CameraHealthBoard.open(connection, logger);
  // After NATS returns, stations reconnect one by one and JetStream takes a moment to be ready again (seconds on a
  // loaded machine): heartbeats are trusted again only after three TTLs and a beat.
  const outage = followOutage(connection, clock, 3 * registry.ttlMs + HEARTBEAT_INTERVAL_MS);
  const placement = new ClusterPlacement({
    gatewayId,
    registry,
    board,
    cameras: () => options.cameras.list(),
    cipher,
    clock,
    logger,
    holdLiveness: outage.holds,
  });
  placement.start();
  const publisher = new HealthPublisher({
    board,
    gatewayId,
    holds: (cameraId) => placement.gatewayIdOf(cameraId) === gatewayId,
    clock,
    logger,
  });
  const heartbeat = new GatewayHeartbeat({
    registry,
    identity: {
      gateway_id: gatewayId,
      station_id: options.stationId,
      urls: { ...options.endpoints.urls },
      ...(options.endpoints.origin === undefined ? {} : { origin: options.endpoints.origin }),
      secrets_sealed: await sealGatewaySecrets(options.endpoints.secrets, cipher),
      weight: capacity.weight,
      max_cameras: capacity.maxCameras,
      max_viewers: capacity.maxViewers,
    },
    load: () => ({
      cameras: placement.camerasByGateway().get(gatewayId)?.length ?? 0,
      viewers: publisher.viewers(),
    }),
    clock,
    logger,
  });
  const watch = new GatewayWatch({
    gatewayId,
    gateways: () => registry.list(clock.now()),
    camerasByGateway: () => placement.camerasByGateway(),
    publish: (event) => {
      events.publish(event);
    },
    now: () => clock.now(),
    holds: outage.holds,
  });
  watch.registerMetrics(metrics);
  const stops = [
    // The station's own Janus link says gateway.up/down without a gateway_id.
    events.on('event', (event) => {
      if (event.type === 'gateway.up' && event.gateway_id === undefined) heartbeat.up();
      else if (event.type === 'gateway.down' && event.gateway_id === undefined) heartbeat.down();
      else publisher.onEvent(event);
    }),
    registry.onChange(() => {
      watch.check();
    }),
    repeatEvery(clock, WATCH_INTERVAL_MS, () => {
      watch.check();
    }),
    outage.stop,
  ];
  logger.info({ gatewayId, capacity }, 'cluster gateway started: heartbeats follow its Janus link');
  return {
    placement,
    gateways: clusterGatewayService({
      registry,
      camerasByGateway: () => placement.camerasByGateway(),
      now: () => clock.now(),
    }),
    publishHealthFrom: (source) => {
      publisher.start(source);
    },
    async stop() {
      for (const stop of stops) stop();
      publisher.stop();
      placement.stop();
      await heartbeat.stop();
      registry.stop();
      board.stop();
    },
  };
}

function repeatEvery(clock: Clock, ms: number, task: () => void): () => void {
  let cancel = clock.setTimeout(function tick() {
    cancel = clock.setTimeout(tick, ms);
    task();
  }, ms);
  return () => {
    cancel();
  };
}

/**
 * Whether heartbeats cannot be trusted now: while NATS is away no heartbeat arrives (every gateway would look
 * dead), and just after it returns the stations catch up for `graceMs`. Gateways keep their liveness then.
 */
function followOutage(
  connection: Pick<ClusterConnection, 'isUp' | 'on'>,
  clock: Clock,
  graceMs: number,
): { holds: () => boolean; stop: () => void } {
  let heldUntil = 0;
  const offDown = connection.on('down', () => {
    heldUntil = Number.POSITIVE_INFINITY;
  });
  const offUp = connection.on('up', () => {
    heldUntil = clock.now() + graceMs;
  });
  return {
    holds: () => !connection.isUp || clock.now() < heldUntil,
    stop: () => {
      offDown();
      offUp();
    },
  };
}
