// A camera another station added, changed or removed in the shared store (cluster mode): this station announces it
// like its own changes (walls update) and brings its Janus in line — the reconciler creates, re-creates or drops the
// camera's mountpoint as the record now says.
import type { StationEvent } from '../../common/events';
import type { StoredCamera } from '../store/stored-camera';
import { remoteEvent } from './event-origin';
import type { HealthMonitor } from './health-monitor';
import type { MountpointReadiness } from './mountpoint-readiness';
import type { Reconciler } from './reconciler';

/** What happened to the camera elsewhere. */
export type CameraChangeKind = 'added' | 'updated' | 'removed';

/** The station parts a change from elsewhere touches. */
export interface CameraChangeParts {
  publish(event: StationEvent): void;
  reconciler: Pick<Reconciler, 'reconcileCamera' | 'forget'>;
  health: Pick<HealthMonitor, 'disabled' | 'removed'>;
  readiness: Pick<MountpointReadiness, 'markGone'>;
  /** The camera's record now (undefined once removed). */
  recordOf(cameraId: string): StoredCamera | undefined;
  /** The mountpoint secret of a record (to destroy a removed camera's mountpoint). */
  unsealMountpointSecret(record: StoredCamera): Promise<string>;
  /** Forgets the camera's motion. */
  forgetMotion(cameraId: string): void;
}

/** Announces a camera change made elsewhere and reconciles the camera; `previous` is the record before a removal. */
export async function followCameraChange(
  parts: CameraChangeParts,
  cameraId: string,
  kind: CameraChangeKind,
  previous: StoredCamera | undefined,
): Promise<void> {
  parts.publish(remoteEvent({ type: `camera.${kind}`, camera_id: cameraId, at: new Date().toISOString() }));
  if (kind === 'removed') {
    parts.health.removed(cameraId);
    parts.forgetMotion(cameraId);
    parts.readiness.markGone(cameraId);
    if (previous !== undefined) {
      await parts.reconciler.forget(previous, await parts.unsealMountpointSecret(previous));
    }
    return;
  }
  if (parts.recordOf(cameraId)?.enabled === false) {
    parts.health.disabled(cameraId);
    parts.readiness.markGone(cameraId);
  }
  await parts.reconciler.reconcileCamera(cameraId);
}
