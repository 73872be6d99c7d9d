// `GET /gateways` on a single station: its one Janus, holding every enabled camera (no registry, no heartbeat).
import type { GatewayView } from '../../common/gateways';
import { ErrorCode, VigilError } from '../../common/errors';
import type { GatewayService } from '../cluster/gateway-service';
import type { StationService } from '../station/service';

/** The id a single station's own Janus is listed under. */
export const LOCAL_GATEWAY_ID = 'local';

/** The gateway service of a single station: its own Janus, from the station's health. */
export function localGatewayService(station: Pick<StationService, 'health' | 'listCameras'>): GatewayService {
  return {
    async listGateways(): Promise<GatewayView[]> {
      const report = await station.health(true);
      const enabled = station.listCameras().filter((camera) => camera.enabled);
      const viewers = (report.cameras ?? []).reduce((sum, camera) => sum + camera.viewers, 0);
      const up = report.janus_connectivity === 'ok';
      return [
        {
          gateway_id: LOCAL_GATEWAY_ID,
          station_id: null,
          state: up ? 'up' : 'down',
          live: up,
          cameras: { count: enabled.length, ids: enabled.map((camera) => camera.camera_id).sort() },
          viewers,
          weight: 1,
          capacity: { max_cameras: null, max_viewers: null },
          heartbeat_age_ms: null,
        },
      ];
    },
    forgetGateway(gatewayId) {
      return Promise.reject(
        new VigilError(
          ErrorCode.Conflict,
          `Gateway "${gatewayId}" cannot be forgotten: a single station has only its own Janus (no cluster)`,
          'gateway_id',
        ),
      );
    },
  };
}
