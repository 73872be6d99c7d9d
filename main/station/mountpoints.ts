import type { RtspMountpointOptions } from '../janus';
import type { StoredCamera } from '../store/stored-camera';
import { mountpointMetadata } from './reconcile-plan';

/** Janus's RTSP timings for station mountpoints (seconds). */
export const RTSP_TIMINGS = {
  /** How long without media before Janus reconnects to the camera. */
  reconnectDelay: 2,
  /** libcurl timeouts for the RTSP exchange. */
  timeout: 10,
  connectTimeout: 5,
} as const;

/** The unsealed secrets a mountpoint is created with. */
export interface MountpointSecrets {
  password: string;
  mountpointSecret: string;
}

/**
 * The `create` request for a camera's mountpoint: audio only when the probe found audio Janus can relay
 * (Janus 1.1 otherwise keeps a codec-less audio stream that its offer leaves out, and sends the video on an m-line
 * the viewer never got), not permanent (Janus never writes the password to disk),
 * private (listed only with the admin key), with a secret (without one, `info` leaks the RTSP credentials to
 * any Janus client) and a pin, the keyframe buffered for fast starts, and no fail-check so a camera that is
 * down stays registered and Janus keeps retrying it (the reconciler first tries with the fail-check, which
 * connects at once).
 */
export function mountpointRequest(
  stationId: string,
  camera: StoredCamera,
  secrets: MountpointSecrets,
): RtspMountpointOptions {
  return {
    type: 'rtsp',
    id: camera.mountpoint.id,
    name: camera.camera_id,
    description: camera.name,
    metadata: mountpointMetadata(stationId, {
      cameraId: camera.camera_id,
      mountpointId: camera.mountpoint.id,
      revision: camera.mountpoint.revision,
    }),
    url: camera.rtsp_url,
    ...(camera.username === '' ? {} : { rtsp_user: camera.username }),
    ...(secrets.password === '' ? {} : { rtsp_pwd: secrets.password }),
    video: true,
    audio: camera.audio === true,
    videobufferkf: true,
    secret: secrets.mountpointSecret,
    pin: camera.mountpoint.pin,
    is_private: true,
    permanent: false,
    rtsp_failcheck: false,
    rtsp_reconnect_delay: RTSP_TIMINGS.reconnectDelay,
    rtsp_timeout: RTSP_TIMINGS.timeout,
    rtsp_conn_timeout: RTSP_TIMINGS.connectTimeout,
  };
}
