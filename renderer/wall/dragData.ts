import type { WallAction } from '../views/viewState';

/** The drag payload type of a camera dragged from the camera list. */
export const CAMERA_DRAG = 'application/x-vigil-camera';

/** The drag payload type of a tile dragged onto another tile. */
export const TILE_DRAG = 'application/x-vigil-tile';

/** What a drop onto tile `target` does: a camera is assigned, a tile is swapped; anything else is ignored. */
export function dropAction(getData: (type: string) => string, target: number): WallAction | null {
  const cameraId = getData(CAMERA_DRAG);
  if (cameraId) return { type: 'assign', tile: target, cameraId };
  const from = getData(TILE_DRAG);
  if (/^\d+$/.test(from)) return { type: 'swap', from: Number(from), to: target };
  return null;
}
