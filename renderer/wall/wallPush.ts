// What a push to a named wall (`POST /walls/{name}/show` → event `wall.show`) does to this wall. Pure.
import type { StationEvent } from '../../common/events';

/** A push this wall acts on: a camera for its hotspot tile, or a saved view to switch to. */
export type WallPush = { kind: 'camera'; cameraId: string } | { kind: 'view'; viewId: string };

/** The push in a station event for the wall named `wallName`, or null (another wall's, or not a push). */
export function pushFor(event: StationEvent, wallName: string | null): WallPush | null {
  if (event.type !== 'wall.show' || wallName === null || event.wall !== wallName) return null;
  if (event.camera_id !== undefined) return { kind: 'camera', cameraId: event.camera_id };
  if (event.view_id !== undefined) return { kind: 'view', viewId: event.view_id };
  return null;
}
