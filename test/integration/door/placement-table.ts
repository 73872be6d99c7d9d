// A table-driven StationPlacement for the door's routing test: which gateway holds each camera is a table the test
// edits (the cluster's own placement — rendezvous hashing over live gateways — is main/cluster's); each station
// sees the table through its own gateway, and the health of a camera another gateway holds is what that
// gateway's station says.
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { initialHealth, type HealthRecord } from '../../../main/station/camera-health';
import type { CameraMove, StationPlacement } from '../../../main/station/placement';
import type { Station } from '../../../main/station/station';

/** Cameras placed on gateways by a table; `move` changes it and tells every station. */
export class PlacementTable {
  readonly #gateways: ReadonlyMap<string, GatewayEndpoints>;
  readonly #placed: Map<string, string>;
  readonly #stations = new Map<string, Pick<Station, 'getCamera' | 'onEvent'>>();
  readonly #moved = new Set<(moves: readonly CameraMove[]) => void>();
  readonly #health = new Set<(cameraId: string, health: HealthRecord) => void>();

  constructor(gateways: Record<string, GatewayEndpoints>, placed: Record<string, string>) {
    this.#gateways = new Map(Object.entries(gateways));
    this.#placed = new Map(Object.entries(placed));
  }

  /** Names the station managing a gateway: its camera states are the others' remote health. */
  manage(gatewayId: string, station: Pick<Station, 'getCamera' | 'onEvent'>): void {
    this.#stations.set(gatewayId, station);
    station.onEvent((event) => {
      if (event.type !== 'camera.state' || this.#placed.get(event.camera_id) !== gatewayId) return;
      const health = this.#healthOf(event.camera_id);
      if (health === undefined) return;
      for (const listener of [...this.#health]) listener(event.camera_id, health);
    });
  }

  /** Places a camera on another gateway and tells every station. */
  move(cameraId: string, to: string): void {
    const from = this.#placed.get(cameraId) ?? null;
    this.#placed.set(cameraId, to);
    for (const listener of [...this.#moved]) listener([{ camera_id: cameraId, from, to }]);
  }

  /** The table as the station of gateway `gatewayId` sees it. */
  placementFor(gatewayId: string): StationPlacement {
    const gatewayIdOf = (cameraId: string): string | null => this.#placed.get(cameraId) ?? null;
    return {
      gatewayId,
      holds: (cameraId) => gatewayIdOf(cameraId) === gatewayId,
      gatewayIdOf,
      endpointsOf: (cameraId) => {
        const holder = gatewayIdOf(cameraId);
        return holder === null ? undefined : this.#gateways.get(holder);
      },
      refusesViewers: () => undefined,
      remoteHealth: (cameraId) => this.#healthOf(cameraId),
      onRemoteHealth: (listener) => {
        const mine = (cameraId: string, health: HealthRecord): void => {
          if (gatewayIdOf(cameraId) !== gatewayId) listener(cameraId, health);
        };
        this.#health.add(mine);
        return () => this.#health.delete(mine);
      },
      onMoved: (listener) => {
        this.#moved.add(listener);
        return () => this.#moved.delete(listener);
      },
    };
  }

  /** A camera's health as the station managing its gateway says it. */
  #healthOf(cameraId: string): HealthRecord | undefined {
    const holder = this.#placed.get(cameraId);
    const station = holder === undefined ? undefined : this.#stations.get(holder);
    if (station === undefined) return undefined;
    const { state } = station.getCamera(cameraId).health;
    return { ...initialHealth(Date.now()), state };
  }
}
