import type { CameraHealth, CameraView } from '../../../common/camera';

/** A camera as the station lists it, live unless told otherwise. */
export function camera(
  id: string,
  over: Partial<CameraView> = {},
  health: Partial<CameraHealth> = {},
): CameraView {
  return {
    camera_id: id,
    name: id.toUpperCase(),
    status: health.state ?? 'live',
    stream_id: 1,
    websocket_url: 'ws://127.0.0.1:8188',
    rtsp_url: `rtsp://127.0.0.2:8554/${id}`,
    username: 'admin',
    has_password: true,
    auth_method: 'digest',
    description: '',
    enabled: true,
    audio: false,
    substream_url: null,
    tags: [],
    health: { state: 'live', since: '2025-01-01T00:00:00.000Z', reconnects: 0, viewers: 0, ...health },
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

/** A local wall-clock time today as ms since the epoch. */
export function localTime(h: number, m: number, s: number): number {
  return new Date(2025, 0, 1, h, m, s).getTime();
}
