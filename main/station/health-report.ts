import type { HealthReport } from '../../common/health';
import type { StoredCamera } from '../cameras/stored-camera';
import type { HealthRecord } from './camera-health';

/** What `/health` is built from. */
export interface HealthFacts {
  cameras: readonly StoredCamera[];
  healthOf(cameraId: string): HealthRecord;
  janusUp: boolean;
  activeSessions: number;
  detailed: boolean;
}

/** The seed's health summary (healthy when every enabled camera is live), plus per-camera detail on request. */
export function healthReport(facts: HealthFacts): HealthReport {
  const enabled = facts.cameras.filter((c) => c.enabled);
  const live = enabled.filter((c) => facts.healthOf(c.camera_id).state === 'live').length;
  const summary: HealthReport = {
    status: !facts.janusUp ? 'unhealthy' : live === enabled.length ? 'healthy' : 'degraded',
    janus_connectivity: facts.janusUp ? 'ok' : 'down',
    active_cameras: live,
    active_sessions: facts.activeSessions,
  };
  if (!facts.detailed) return summary;
  return {
    ...summary,
    cameras: facts.cameras.map((camera) => {
      const health = facts.healthOf(camera.camera_id);
      return {
        camera_id: camera.camera_id,
        state: health.state,
        since: new Date(health.since).toISOString(),
        ...(health.reason === undefined ? {} : { reason: health.reason }),
        ...(health.ageMs === undefined ? {} : { age_ms: health.ageMs }),
        reconnects: health.reconnects,
        viewers: health.viewers,
      };
    }),
  };
}
