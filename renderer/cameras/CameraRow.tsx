import { useEffect, useRef, type MouseEvent } from 'react';

import type { CameraView } from '../../common/camera';
import { CAMERA_DRAG } from '../wall/dragData';

/** One camera line of the list and what it does. */
export interface CameraRowProps {
  camera: CameraView;
  /** Its element id, for the list's `aria-activedescendant`. */
  id: string;
  highlighted: boolean;
  confirmingDelete: boolean;
  onHighlight: () => void;
  onPlace: () => void;
  onMenu: (event: MouseEvent<HTMLElement>) => void;
  onEdit: () => void;
  onRestart: () => void;
  /** Asks to delete (`true`), or takes the question back (`false`). */
  onConfirmDelete: (asking: boolean) => void;
  onDelete: () => void;
}

/** A double-click on a row's buttons is two button presses, not a placement. */
const stop = (event: MouseEvent): void => {
  event.stopPropagation();
};

/**
 * A camera in the list: state badge, name and, under it, the whole id (its tooltip too). Click highlights it,
 * double-click puts it on the selected tile, drag puts it on any tile, right-click opens its menu; edit,
 * restart and delete buttons show over the line's end on hover.
 */
export function CameraRow(props: CameraRowProps) {
  const { camera, highlighted } = props;
  const line = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (highlighted) line.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  return (
    <li
      ref={line}
      id={props.id}
      role="option"
      aria-selected={highlighted}
      className={`camera-item${highlighted ? ' camera-item-highlighted' : ''}`}
      data-testid={`camera-item-${camera.camera_id}`}
      data-state={camera.health.state}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(CAMERA_DRAG, camera.camera_id);
        event.dataTransfer.setData('text/plain', camera.camera_id);
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={props.onHighlight}
      onDoubleClick={props.onPlace}
      onContextMenu={props.onMenu}
      title={[`${camera.name} — ${camera.camera_id}`, camera.health.reason ?? camera.description]
        .filter(Boolean)
        .join('\n')}
    >
      <span className={`badge badge-${camera.health.state}`}>{camera.health.state}</span>
      <span className="camera-name">
        <span>{camera.name}</span>
        <small>{camera.camera_id}</small>
      </span>
      {props.confirmingDelete ? (
        <span className="camera-actions camera-actions-confirm" onDoubleClick={stop}>
          <button
            type="button"
            className="danger"
            data-testid={`delete-camera-confirm-${camera.camera_id}`}
            onClick={props.onDelete}
          >
            Delete
          </button>
          <button
            type="button"
            onClick={() => {
              props.onConfirmDelete(false);
            }}
          >
            Keep
          </button>
        </span>
      ) : (
        <span className="camera-actions" onDoubleClick={stop}>
          <button type="button" title="Edit" onClick={props.onEdit}>
            ✎
          </button>
          <button type="button" title="Restart the stream" onClick={props.onRestart}>
            ↻
          </button>
          <button
            type="button"
            title="Delete"
            data-testid={`delete-camera-${camera.camera_id}`}
            onClick={() => {
              props.onConfirmDelete(true);
            }}
          >
            ✕
          </button>
        </span>
      )}
    </li>
  );
}
