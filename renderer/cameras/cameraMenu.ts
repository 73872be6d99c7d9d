import type { CameraView } from '../../common/camera';
import type { MenuContent } from '../menu/menu';

/** What a camera's context menu in the list can do. */
export interface CameraMenuActions {
  place: () => void;
  edit: () => void;
  restart: () => void;
  remove: () => void;
}

/**
 * A camera's context menu in the list: put it on the selected tile (or `placeTarget`'s description of where it
 * goes), edit, restart its stream, delete (which asks again).
 */
export function cameraMenu(
  camera: CameraView,
  placeTarget: string | null,
  act: CameraMenuActions,
): MenuContent {
  return {
    title: camera.name,
    subtitle: camera.camera_id,
    items: [
      {
        label: placeTarget ? `Put on ${placeTarget}` : 'Put on a tile: every tile is taken, select one first',
        onSelect: act.place,
        disabled: placeTarget === null,
        testId: 'camera-menu-place',
      },
      { label: 'Edit…', onSelect: act.edit, testId: 'camera-menu-edit' },
      { label: 'Restart stream', onSelect: act.restart, testId: 'camera-menu-restart' },
      { label: 'Delete…', onSelect: act.remove, danger: true, testId: 'camera-menu-delete' },
    ],
  };
}
