import type { CameraView } from '../../common/camera';
import type { StationEvent } from '../../common/events';

/** The camera list after a station event, and whether it must be fetched again for details the event lacks. */
export interface CameraListUpdate {
  cameras: readonly CameraView[];
  refetch: boolean;
}

/** Applies a station event to the camera list: health and motion change in place; adds and edits ask for a refetch. */
export function applyCameraEvent(cameras: readonly CameraView[], event: StationEvent): CameraListUpdate {
  switch (event.type) {
    case 'camera.state':
      return {
        cameras: cameras.map((c) =>
          c.camera_id === event.camera_id
            ? {
                ...c,
                status: event.state,
                health: { ...c.health, state: event.state, since: event.at, reason: event.reason },
              }
            : c,
        ),
        refetch: !cameras.some((c) => c.camera_id === event.camera_id),
      };
    case 'camera.motion':
      return {
        cameras: cameras.map((c) =>
          c.camera_id === event.camera_id ? { ...c, health: { ...c.health, motion: event.motion } } : c,
        ),
        refetch: false,
      };
    case 'camera.removed':
      return { cameras: cameras.filter((c) => c.camera_id !== event.camera_id), refetch: false };
    case 'camera.added':
    case 'camera.updated':
    case 'camera.moved':
      return { cameras, refetch: true };
    case 'gateway.up':
    case 'gateway.down':
      return { cameras, refetch: event.type === 'gateway.up' };
    case 'view.added':
    case 'view.updated':
    case 'view.removed':
    case 'recording.started':
    case 'recording.stopped':
    case 'recording.exported':
    case 'recording.storage':
    case 'alarm.raised':
    case 'alarm.updated':
    case 'wall.show':
      return { cameras, refetch: false };
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The camera list's order: by name (Camera 2 before Camera 10), then id. */
export function sortCameras(cameras: readonly CameraView[]): CameraView[] {
  return [...cameras].sort(
    (a, b) => collator.compare(a.name, b.name) || collator.compare(a.camera_id, b.camera_id),
  );
}
