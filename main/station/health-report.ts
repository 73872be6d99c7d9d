import type { HealthReport } from '../../common/health';
import type { StoredCamera } from '../store/stored-camera';
import type { HealthRecord } from './camera-health';
import { healthView, motionFlag } from './camera-view';

/** What `/health` is built from. */
export interface HealthFacts {
  cameras: readonly StoredCamera[];
  healthOf(cameraId: string): HealthRecord;
  /** Whether motion is going on at the camera now (see Station.setMotion). */
  motionOf?(cameraId: string): boolean;
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
    cameras: facts.cameras.map((camera) => ({
      camera_id: camera.camera_id,
      ...healthView(
        facts.healthOf(camera.camera_id),
        motionFlag(camera, facts.motionOf?.(camera.camera_id) ?? false),
      ),
    })),
  };
}
