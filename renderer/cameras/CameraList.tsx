import { useState } from 'react';

import type { CameraView } from '../../common/camera';
import { CAMERA_DRAG } from '../wall/dragData';

/** The camera list's inputs: the cameras and what their buttons do. */
export interface CameraListProps {
  cameras: readonly CameraView[];
  error: string | null;
  onAdd: () => void;
  onEdit: (camera: CameraView) => void;
  onRestart: (camera: CameraView) => void;
  onDelete: (camera: CameraView) => void;
}

/** The station's cameras with health badges; drag one onto a tile to show it there. */
export function CameraList({ cameras, error, onAdd, onEdit, onRestart, onDelete }: CameraListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? cameras.filter((c) =>
        [c.name, c.camera_id, ...c.tags].some((text) => text.toLowerCase().includes(needle)),
      )
    : cameras;

  return (
    <aside className="camera-list" data-testid="camera-list" aria-label="Cameras">
      <div className="camera-list-head">
        <input
          type="search"
          placeholder={`Filter ${cameras.length} cameras`}
          aria-label="Filter cameras"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
        />
        <button type="button" data-testid="add-camera" onClick={onAdd}>
          + Add
        </button>
      </div>
      {error && (
        <p className="problem" role="alert">
          Cameras: {error}
        </p>
      )}
      <ul>
        {shown.map((camera) => (
          <li
            key={camera.camera_id}
            className="camera-item"
            data-testid={`camera-item-${camera.camera_id}`}
            data-state={camera.health.state}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(CAMERA_DRAG, camera.camera_id);
              event.dataTransfer.setData('text/plain', camera.camera_id);
              event.dataTransfer.effectAllowed = 'copy';
            }}
            title={camera.health.reason ?? camera.description}
          >
            <span className={`badge badge-${camera.health.state}`}>{camera.health.state}</span>
            <span className="camera-name">
              {camera.name}
              <small>{camera.camera_id}</small>
            </span>
            {confirming === camera.camera_id ? (
              <span className="camera-actions">
                <button
                  type="button"
                  className="danger"
                  data-testid={`delete-camera-confirm-${camera.camera_id}`}
                  onClick={() => {
                    setConfirming(null);
                    onDelete(camera);
                  }}
                >
                  Delete
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setConfirming(null);
                  }}
                >
                  Keep
                </button>
              </span>
            ) : (
              <span className="camera-actions">
                <button
                  type="button"
                  title="Edit"
                  onClick={() => {
                    onEdit(camera);
                  }}
                >
                  ✎
                </button>
                <button
                  type="button"
                  title="Restart the stream"
                  onClick={() => {
                    onRestart(camera);
                  }}
                >
                  ↻
                </button>
                <button
                  type="button"
                  title="Delete"
                  data-testid={`delete-camera-${camera.camera_id}`}
                  onClick={() => {
                    setConfirming(camera.camera_id);
                  }}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
