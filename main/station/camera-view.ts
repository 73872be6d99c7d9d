import type { CameraHealth, CameraView, StreamInfo } from '../../common/camera';
import type { StoredCamera } from '../store/stored-camera';
import type { HealthRecord } from './camera-health';
import type { IceServer } from './station-options';

/**
 * A stored camera and its health as responses show them: never the password or the mountpoint secret. `motion`
 * is whether motion is going on now (shown only when the camera has motion detection on); `gatewayId` the
 * gateway holding it (cluster mode only).
 */
export function cameraView(
  camera: StoredCamera,
  health: HealthRecord,
  websocketUrl: string,
  motion = false,
  gatewayId?: string | null,
): CameraView {
  return {
    camera_id: camera.camera_id,
    name: camera.name,
    status: health.state,
    stream_id: camera.mountpoint.id,
    websocket_url: websocketUrl,
    rtsp_url: camera.rtsp_url,
    username: camera.username,
    has_password: camera.password_sealed !== null,
    auth_method: camera.auth_method,
    description: camera.description,
    enabled: camera.enabled,
    audio: camera.audio === true,
    substream_url: camera.substream_url,
    tags: [...camera.tags],
    ...(camera.recording === undefined ? {} : { recording: { ...camera.recording } }),
    ...(camera.motion === undefined ? {} : { motion: camera.motion }),
    ...(camera.placement === undefined ? {} : { placement: { ...camera.placement } }),
    ...(gatewayId === undefined ? {} : { gateway_id: gatewayId }),
    health: healthView(health, motionFlag(camera, motion)),
    created_at: camera.created_at,
    updated_at: camera.updated_at,
  };
}

/** Whether motion is going on, for a camera with motion detection on; undefined for one without. */
export function motionFlag(camera: Pick<StoredCamera, 'motion'>, motion: boolean): boolean | undefined {
  return camera.motion?.enabled === true ? motion : undefined;
}

/** A camera's health as responses, `/health` and events show it (with `motion` when detection is on). */
export function healthView(health: HealthRecord, motion?: boolean): CameraHealth {
  return {
    state: health.state,
    since: new Date(health.since).toISOString(),
    ...(health.reason === undefined ? {} : { reason: health.reason }),
    ...(health.ageMs === undefined ? {} : { age_ms: health.ageMs }),
    reconnects: health.reconnects,
    viewers: health.viewers,
    ...(motion === undefined ? {} : { motion }),
  };
}

/** What a viewer needs to play a camera before the door adds a ticket: where the door is, and the mountpoint. */
export type ViewerStream = Omit<StreamInfo, 'ticket' | 'ticket_expires_at'>;

/** A camera's viewer stream: the door's URL (`viewerUrl`) and the mountpoint id; never a pin or a Janus port. */
export function viewerStreamOf(
  camera: StoredCamera,
  viewerUrl: string,
  iceServers: IceServer[],
): ViewerStream {
  return {
    camera_id: camera.camera_id,
    stream_id: camera.mountpoint.id,
    janus_url: viewerUrl,
    websocket_url: viewerUrl,
    plugin: 'janus.plugin.streaming',
    ice_servers: iceServers,
    stream_info: { id: camera.mountpoint.id, type: 'rtsp', description: camera.name },
  };
}
