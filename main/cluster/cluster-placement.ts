// The station's placement in cluster mode: which gateway holds each enabled camera, recomputed from the gateway
// registry and the camera list (on every registry change, and every 500 ms so expired heartbeats and camera
// changes are seen), with the moves told to the station; where to relay a viewer (the holding gateway's
// endpoints, secrets unsealed once); and other gateways' camera health from the health board.
import type { Logger } from 'pino';

import type { GatewayEndpoints } from '../gateway/gateway';
import type { Clock } from '../janus';
import type { HealthRecord } from '../station/camera-health';
import type { CameraMove, StationPlacement } from '../station/placement';
import type { SecretCipher } from '../store/secret-cipher';
import type { StoredCamera } from '../store/stored-camera';
import { healthRecordOf, type CameraHealthBoard } from './camera-health-board';
import { gatewayEndpointsOf, type GatewayRecord } from './gateway-record';
import type { GatewayRegistry } from './gateway-registry';
import { movedCameras, placeCameras, type PlacementCamera, type PlacementGateway } from './placement';

/** How often placement is recomputed without a registry change (expired heartbeats, camera changes). */
export const PLACEMENT_POLL_MS = 500;
/** A health entry written this long before its camera came to the gateway still counts (stations see moves apart). */
const MOVE_SLACK_MS = 1_000;

/** What cluster placement reads. */
export interface ClusterPlacementDeps {
  /** The gateway this station manages. */
  gatewayId: string;
  registry: Pick<GatewayRegistry, 'list' | 'get' | 'onChange'>;
  board: Pick<CameraHealthBoard, 'get' | 'onChange'>;
  /** The cameras as stored now (a new list after each change). */
  cameras(): readonly StoredCamera[];
  /** The cluster key, to unseal gateways' secrets. */
  cipher: SecretCipher;
  clock: Clock;
  logger: Logger;
  pollMs?: number;
  /**
   * True while heartbeats cannot be trusted to arrive (NATS away, or just back): gateways keep the liveness they
   * last had, so an outage of NATS itself moves no camera. Default never.
   */
  holdLiveness?: () => boolean;
}

/** The enabled cameras as placement takes them: pin and failover priority from each camera's `placement`. */
export function placementCameras(cameras: readonly StoredCamera[]): PlacementCamera[] {
  return cameras
    .filter((camera) => camera.enabled)
    .map((camera) => ({
      id: camera.camera_id,
      pinnedTo: camera.placement?.gateway_id ?? undefined,
      failover: camera.placement?.failover ?? 'normal',
    }));
}

/**
 * StationPlacement over the gateway registry: every station computes the same placement from the same registry.
 * @example
 * const placement = new ClusterPlacement({ gatewayId: 'janus-1', registry, board, cameras: () => store.list(), cipher, clock, logger });
 * placement.start();
 */
export class ClusterPlacement implements StationPlacement {
  readonly #deps: ClusterPlacementDeps;
  readonly #moveListeners = new Set<(moves: readonly CameraMove[]) => void>();
  readonly #endpoints = new Map<string, { sealed: string; endpoints: GatewayEndpoints }>();
  /** The sealed secrets being (or last) unsealed per gateway: each is unsealed once. */
  readonly #unsealing = new Map<string, string>();
  /** When each camera came to its gateway (local clock); 0 for the placement found at start. */
  readonly #placedAt = new Map<string, number>();
  #placement = new Map<string, string | null>();
  #disabled = new Set<string>();
  #camerasSeen: readonly StoredCamera[] | undefined;
  /** Each gateway's liveness as the last placement used it. */
  #live = new Map<string, boolean>();
  #stops: (() => void)[] = [];

  constructor(deps: ClusterPlacementDeps) {
    this.#deps = deps;
  }

  get gatewayId(): string {
    return this.#deps.gatewayId;
  }

  /** Computes the first placement (announcing no moves) and starts following the registry and the cameras. */
  start(): void {
    this.#recompute(false);
    const { clock, registry, pollMs = PLACEMENT_POLL_MS } = this.#deps;
    const poll = (): void => {
      this.#recompute(true);
      cancel = clock.setTimeout(poll, pollMs);
    };
    let cancel = clock.setTimeout(poll, pollMs);
    this.#stops.push(
      () => {
        cancel();
      },
      registry.onChange(() => {
        this.#recompute(true);
      }),
    );
  }

  /** Stops following. */
  stop(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
  }

  holds(cameraId: string): boolean {
    this.#refreshFor(cameraId);
    // A disabled camera is on no gateway: every station answers for it itself ('disabled', no mountpoint).
    return this.#disabled.has(cameraId) || this.#placement.get(cameraId) === this.gatewayId;
  }

  gatewayIdOf(cameraId: string): string | null {
    this.#refreshFor(cameraId);
    return this.#placement.get(cameraId) ?? null;
  }

  endpointsOf(cameraId: string): GatewayEndpoints | undefined {
    const gatewayId = this.gatewayIdOf(cameraId);
    return gatewayId === null ? undefined : this.#endpoints.get(gatewayId)?.endpoints;
  }

  refusesViewers(cameraId: string): string | undefined {
    const gatewayId = this.gatewayIdOf(cameraId);
    const gateway = gatewayId === null ? undefined : this.#deps.registry.get(gatewayId)?.record;
    if (gateway === undefined || gateway.load.viewers < gateway.max_viewers) return undefined;
    return (
      `Gateway ${gateway.gateway_id} serves its most viewers (${gateway.max_viewers}, its --gateway-max-viewers): ` +
      'try again later, or give that gateway more room'
    );
  }

  remoteHealth(cameraId: string): HealthRecord | undefined {
    const published = this.#deps.board.get(cameraId);
    return published && this.#counts(cameraId, published) ? healthRecordOf(published) : undefined;
  }

  onRemoteHealth(listener: (cameraId: string, health: HealthRecord) => void): () => void {
    return this.#deps.board.onChange((cameraId, published) => {
      if (published.gateway_id !== this.gatewayId && this.#counts(cameraId, published)) {
        listener(cameraId, healthRecordOf(published));
      }
    });
  }

  onMoved(listener: (moves: readonly CameraMove[]) => void): () => void {
    this.#moveListeners.add(listener);
    return () => {
      this.#moveListeners.delete(listener);
    };
  }

  /** Each gateway's cameras now (gateways holding none are absent). */
  camerasByGateway(): Map<string, string[]> {
    const byGateway = new Map<string, string[]>();
    for (const [cameraId, gatewayId] of this.#placement) {
      if (gatewayId === null) continue;
      const held = byGateway.get(gatewayId);
      if (held === undefined) byGateway.set(gatewayId, [cameraId]);
      else held.push(cameraId);
    }
    return byGateway;
  }

  /** Whether a published health is about the camera's current gateway, and written since it came there. */
  #counts(cameraId: string, published: { gateway_id: string; at: string }): boolean {
    if (published.gateway_id !== this.gatewayIdOf(cameraId)) return false;
    return Date.parse(published.at) >= (this.#placedAt.get(cameraId) ?? 0) - MOVE_SLACK_MS;
  }

  /**
   * Recomputes at once for a camera placement does not know when the camera list changed since (one just added
   * here); any other change waits for the next poll, so asking many times costs nothing.
   */
  #refreshFor(cameraId: string): void {
    if (this.#placement.has(cameraId) || this.#disabled.has(cameraId)) return;
    if (this.#camerasSeen !== this.#deps.cameras()) this.#recompute(true);
  }

  #recompute(announce: boolean): void {
    const { registry, clock, logger } = this.#deps;
    const list = this.#deps.cameras();
    this.#camerasSeen = list;
    const now = clock.now();
    const registered = registry.list(now);
    this.#unsealNew(registered.map((gateway) => gateway.record));
    const held = this.#deps.holdLiveness?.() ?? false;
    const gateways: PlacementGateway[] = registered.map(({ record, live }) => ({
      id: record.gateway_id,
      weight: record.weight,
      maxCameras: record.max_cameras,
      // Held: a gateway keeps its last liveness, unless its station says its Janus is down.
      live: held && record.state === 'up' ? (this.#live.get(record.gateway_id) ?? live) : live,
    }));
    this.#live = new Map(gateways.map((gateway) => [gateway.id, gateway.live]));
    let next: Map<string, string | null>;
    try {
      next = placeCameras(placementCameras(list), gateways);
    } catch (error) {
      logger.error({ err: error }, 'could not place the cameras; keeping the last placement');
      return;
    }
    const before = this.#placement;
    this.#placement = next;
    this.#disabled = new Set(list.filter((c) => !c.enabled).map((c) => c.camera_id));
    if (!announce) return;
    // A camera new to placement (added, or enabled again) comes from no gateway: its holder must create it.
    const appeared = [...next].filter(([id, to]) => !before.has(id) && to !== null);
    const moves = [
      ...movedCameras(before, next),
      ...appeared.map(([id, to]) => ({ camera_id: id, from: null, to })),
    ];
    for (const [id] of before) if (!next.has(id)) this.#placedAt.delete(id);
    if (moves.length === 0) return;
    for (const move of moves) this.#placedAt.set(move.camera_id, now);
    // Told after this call returns: a listener (the station) asks holds() again from inside.
    queueMicrotask(() => {
      for (const listener of this.#moveListeners) listener(moves);
    });
  }

  /** Unseals the secrets of gateways new or changed since the last look, once each (endpointsOf reads the cache). */
  #unsealNew(records: readonly GatewayRecord[]): void {
    for (const record of records) {
      const { gateway_id: gatewayId, secrets_sealed: sealed } = record;
      if (this.#endpoints.get(gatewayId)?.sealed === sealed || this.#unsealing.get(gatewayId) === sealed)
        continue;
      this.#unsealing.set(gatewayId, sealed);
      gatewayEndpointsOf(record, this.#deps.cipher).then(
        (endpoints) => {
          if (this.#unsealing.get(gatewayId) === sealed)
            this.#endpoints.set(gatewayId, { sealed, endpoints });
        },
        (error: unknown) => {
          this.#deps.logger.error(
            { err: error, gateway: gatewayId },
            "could not unseal a gateway's secrets: is this station given the same cluster key as the others?",
          );
        },
      );
    }
  }
}
