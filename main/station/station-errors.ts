import { ErrorCode, VigilError } from '../../common/errors';

/** `VIGIL_ERR_GATEWAY_UNAVAILABLE`: Janus cannot be reached now (the station keeps trying). */
export function gatewayUnavailable(): VigilError {
  return new VigilError(
    ErrorCode.GatewayUnavailable,
    'Janus is not reachable right now; the station keeps trying',
  );
}

/** `VIGIL_ERR_CAMERA_EXISTS` on field `camera_id`. */
export function cameraExists(cameraId: string): VigilError {
  return new VigilError(ErrorCode.CameraExists, `A camera "${cameraId}" already exists`, 'camera_id');
}

/** `VIGIL_ERR_CAMERA_NOT_FOUND` on field `camera_id`. */
export function cameraNotFound(cameraId: string): VigilError {
  return new VigilError(ErrorCode.CameraNotFound, `No camera "${cameraId}"`, 'camera_id');
}
