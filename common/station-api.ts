import type { CameraInput, CameraPatch, CameraView, StreamInfo } from './camera';
import type { ErrorCode } from './errors';
import type { StationEvent } from './events';
import type { HealthReport } from './health';
import type { ProbeRequest, ProbeResult } from './probe';
import type { View, ViewInput, ViewPatch } from './views';

/**
 * Everything the renderer (wall, camera management) asks of the station. Browser mode implements it over
 * HTTP + SSE (renderer/station-api/http.ts); the desktop app over IPC (preload). Methods reject with
 * `StationApiError`.
 */
export interface StationApi {
  /** Every camera with its health. */
  listCameras(): Promise<CameraView[]>;
  /** Probes (unless skipped) and adds a camera. */
  addCamera(input: CameraInput): Promise<CameraView>;
  /** Changes a camera. */
  updateCamera(cameraId: string, patch: CameraPatch): Promise<CameraView>;
  /** Removes a camera. */
  removeCamera(cameraId: string): Promise<void>;
  /** Re-creates a camera's stream. */
  restartCamera(cameraId: string): Promise<void>;
  /** Probes an RTSP URL without adding it. */
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** What the player needs to play a camera (Janus URLs, mountpoint, pin, token, ICE servers). */
  streamInfo(cameraId: string): Promise<StreamInfo>;
  /** Station health with per-camera detail. */
  health(): Promise<HealthReport>;
  /** Saved views. */
  listViews(): Promise<View[]>;
  /** Saves a new view. */
  createView(input: ViewInput): Promise<View>;
  /** Changes a view. */
  updateView(viewId: string, patch: ViewPatch): Promise<View>;
  /** Deletes a view. */
  deleteView(viewId: string): Promise<void>;
  /** Station events (cameras, health, gateway); returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void;
}

/** A failed StationApi call: the station's stable code, its message, and the field at fault. */
export class StationApiError extends Error {
  override readonly name = 'StationApiError';

  constructor(
    readonly code: ErrorCode | 'VIGIL_ERR_NETWORK',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
