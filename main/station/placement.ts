// Where cameras run when stations share their cameras in a cluster (main/cluster): each camera is placed on one
// gateway, and a station keeps mountpoints only for the cameras placed on its own. A single station has no
// placement: every camera is on its Janus.
import type { GatewayEndpoints } from '../gateway/gateway';
import type { CameraStore } from '../store/camera-store';
import type { HealthRecord } from './camera-health';

/** A camera that changed gateway (`null`: no live gateway may hold it). */
export interface CameraMove {
  camera_id: string;
  from: string | null;
  to: string | null;
}

/** The cluster's answer to "which gateway holds this camera", as the station and its door ask it. */
export interface StationPlacement {
  /** This station's own gateway's id. */
  readonly gatewayId: string;
  /** Whether this station's own gateway holds the camera now (it keeps its mountpoint and watches its health). */
  holds(cameraId: string): boolean;
  /** The id of the gateway holding the camera now, or null when none may. */
  gatewayIdOf(cameraId: string): string | null;
  /** Where to relay a viewer of the camera: the Janus holding it; undefined when none does or it is unknown. */
  endpointsOf(cameraId: string): GatewayEndpoints | undefined;
  /** Why the gateway holding the camera takes no more viewers now (at its `max viewers`), or undefined. */
  refusesViewers(cameraId: string): string | undefined;
  /** A camera another gateway holds, as the station managing that gateway last published its health. */
  remoteHealth(cameraId: string): HealthRecord | undefined;
  /** Calls `listener` each time another station publishes a camera's health; returns the unsubscribe function. */
  onRemoteHealth(listener: (cameraId: string, health: HealthRecord) => void): () => void;
  /** Calls `listener` with the cameras that moved each time placement changes; returns the unsubscribe function. */
  onMoved(listener: (moves: readonly CameraMove[]) => void): () => void;
}

/** The part of the camera store that recording and motion detection read. */
export type CameraSource = Pick<CameraStore, 'list' | 'get' | 'unsealPassword'>;

/**
 * The cameras this station's own gateway holds (a single station: every camera), for the work done once per camera
 * in a cluster — recording and motion detection — so no two stations record or watch the same camera.
 */
export function heldCameras(store: CameraSource, placement: StationPlacement | undefined): CameraSource {
  if (placement === undefined) return store;
  return {
    list: () => store.list().filter((camera) => placement.holds(camera.camera_id)),
    get: (cameraId) => (placement.holds(cameraId) ? store.get(cameraId) : undefined),
    unsealPassword: (record) => store.unsealPassword(record),
  };
}
