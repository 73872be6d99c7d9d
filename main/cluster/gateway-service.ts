// What `GET /gateways` and `DELETE /gateways/{id}` serve: in cluster mode the registry's gateways with the cameras
// placement gives each (the single station's one Janus is served by main/api/local-gateways.ts).
import type { GatewayView } from '../../common/gateways';
import type { RegisteredGateway } from './gateway-registry';

/** The gateways cameras run on, and forgetting a dead one. */
export interface GatewayService {
  /** Every gateway, by id. */
  listGateways(): Promise<GatewayView[]>;
  /** Forgets a gateway whose heartbeat stopped; 409 while it is live, 404 when unknown. */
  forgetGateway(gatewayId: string): Promise<void>;
}

/** One registered gateway as `GET /gateways` shows it, with the cameras placed on it. */
export function registeredGatewayView(
  gateway: RegisteredGateway,
  cameraIds: readonly string[],
  now: number,
): GatewayView {
  const { record } = gateway;
  return {
    gateway_id: record.gateway_id,
    station_id: record.station_id,
    state: record.state,
    live: gateway.live,
    cameras: { count: cameraIds.length, ids: [...cameraIds].sort() },
    viewers: record.load.viewers,
    weight: record.weight,
    capacity: { max_cameras: record.max_cameras, max_viewers: record.max_viewers },
    heartbeat_age_ms: Math.max(0, Math.round(now - gateway.storedAt)),
  };
}

/** The gateway service over a registry and a placement. */
export function clusterGatewayService(deps: {
  registry: { list(now: number): RegisteredGateway[]; forget(gatewayId: string, now: number): Promise<void> };
  camerasByGateway(): ReadonlyMap<string, readonly string[]>;
  now(): number;
}): GatewayService {
  return {
    listGateways() {
      const now = deps.now();
      const cameras = deps.camerasByGateway();
      return Promise.resolve(
        deps.registry
          .list(now)
          .map((gateway) =>
            registeredGatewayView(gateway, cameras.get(gateway.record.gateway_id) ?? [], now),
          ),
      );
    },
    forgetGateway: (gatewayId) => deps.registry.forget(gatewayId, deps.now()),
  };
}
