// Where cameras run when stations share their cameras in a cluster (main/cluster): each camera is placed on one
// gateway, and a station keeps mountpoints only for the cameras placed on its own. A single station has no
// placement: every camera is on its Janus.
import type { GatewayEndpoints } from '../gateway/gateway';
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
  /** A camera another gateway holds, as the station managing that gateway last published its health. */
  remoteHealth(cameraId: string): HealthRecord | undefined;
  /** Calls `listener` each time another station publishes a camera's health; returns the unsubscribe function. */
  onRemoteHealth(listener: (cameraId: string, health: HealthRecord) => void): () => void;
  /** Calls `listener` with the cameras that moved each time placement changes; returns the unsubscribe function. */
  onMoved(listener: (moves: readonly CameraMove[]) => void): () => void;
}
