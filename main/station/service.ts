import type { CameraInput, CameraPatch, CameraView } from '../../common/camera';
import type { StationEvent } from '../../common/events';
import type { HealthReport } from '../../common/health';
import type { ProbeRequest, ProbeResult } from '../../common/probe';

/**
 * What the REST API and IPC ask of the station. The operation table (common/operations) names the method
 * serving each camera operation (`handler: 'station.restartCamera'`); a type test checks that each fits the
 * operation's arguments and answer (main/api/operations.ts `MisfitHandlers`). Methods throw `VigilError`
 * (common/errors) with a stable code and, for bad input, the field at fault.
 */
export interface StationService {
  /** Every camera, in creation order. */
  listCameras(): CameraView[];
  /** One camera; `VIGIL_ERR_CAMERA_NOT_FOUND` if unknown. */
  getCamera(cameraId: string): CameraView;
  /** Probes (unless skipped), stores and starts a camera; `VIGIL_ERR_CAMERA_EXISTS` on a duplicate id. */
  addCamera(input: CameraInput): Promise<CameraView>;
  /** Changes a camera; URL or credential changes re-create its mountpoint. */
  updateCamera(cameraId: string, patch: CameraPatch): Promise<CameraView>;
  /** Removes a camera and its mountpoint. */
  removeCamera(cameraId: string): Promise<void>;
  /** Re-creates a camera's mountpoint. */
  restartCamera(cameraId: string): Promise<void>;
  /** Probes an RTSP URL without adding anything. */
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** Station health; `detailed` adds per-camera detail. */
  health(detailed: boolean): Promise<HealthReport>;
  /** The URL viewers connect to (the station's Janus door), as `GET /` names it; never Janus's own. */
  gatewayUrls(): { janus_url: string; websocket_url: string };
  /** Subscribes to station events; returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void;
}
