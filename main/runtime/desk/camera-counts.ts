import type { CameraState, CameraView } from '../../../common/camera';
import type { StationEvent } from '../../../common/events';

/** What the tray and the notifications read from the station (`Station` satisfies it): cameras and events. */
export interface CameraHealthSource {
  listCameras(): Pick<CameraView, 'camera_id' | 'name' | 'status'>[];
  onEvent(listener: (event: StationEvent) => void): () => void;
}

/** How many cameras show video (`up`) and how many should but do not (`down`). */
export interface CameraCounts {
  up: number;
  down: number;
}

/** Whether a state means the desk is missing a picture it should have (starting and disabled do not count). */
export function isDown(state: CameraState): boolean {
  return state === 'stale' || state === 'offline' || state === 'error';
}

/** Counts cameras up (live) and down (stale, offline, error). */
export function countCameras(cameras: readonly Pick<CameraView, 'status'>[]): CameraCounts {
  let up = 0;
  let down = 0;
  for (const { status } of cameras) {
    if (status === 'live') up++;
    else if (isDown(status)) down++;
  }
  return { up, down };
}

/** Calls `listener` with the counts now and whenever a camera event changes them; returns the unsubscribe. */
export function watchCameraCounts(
  source: CameraHealthSource,
  listener: (counts: CameraCounts) => void,
): () => void {
  let last = countCameras(source.listCameras());
  listener(last);
  return source.onEvent((event) => {
    if (!event.type.startsWith('camera.')) return;
    const next = countCameras(source.listCameras());
    if (next.up === last.up && next.down === last.down) return;
    last = next;
    listener(next);
  });
}
