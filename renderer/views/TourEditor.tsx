import { useState } from 'react';

import type { CameraView } from '../../common/camera';
import type { Tour } from '../../common/views';

/** The tour editor's inputs: the cameras to pick from and the wall's tour. */
export interface TourEditorProps {
  cameras: readonly CameraView[];
  tour: Tour | null;
  onSave: (tour: Tour | null) => void;
  onClose: () => void;
}

/** Sets the wall's tour: which cameras rotate through the tiles, and every how many seconds. */
export function TourEditor({ cameras, tour, onSave, onClose }: TourEditorProps) {
  const [pool, setPool] = useState<readonly string[]>(tour?.cameras ?? []);
  const [intervalText, setIntervalText] = useState(String(tour?.interval_s ?? 10));
  const seconds = Number(intervalText);
  const valid = pool.length > 0 && Number.isInteger(seconds) && seconds >= 3 && seconds <= 3600;
  const toggle = (cameraId: string): void => {
    setPool(pool.includes(cameraId) ? pool.filter((id) => id !== cameraId) : [...pool, cameraId]);
  };

  return (
    <div className="overlay" role="dialog" aria-label="Tour">
      <form
        className="panel tour-editor"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onSave({ cameras: [...pool], interval_s: seconds });
        }}
      >
        <h2>Tour</h2>
        <p className="muted">The chosen cameras rotate through the wall&apos;s tiles, a page at a time.</p>
        <label className="field">
          <span>Every (seconds)</span>
          <input
            type="number"
            min={3}
            max={3600}
            value={intervalText}
            onChange={(event) => {
              setIntervalText(event.target.value);
            }}
          />
        </label>
        <ul className="pick-list">
          {cameras.map((c) => (
            <li key={c.camera_id}>
              <label>
                <input
                  type="checkbox"
                  checked={pool.includes(c.camera_id)}
                  onChange={() => {
                    toggle(c.camera_id);
                  }}
                />
                {c.name} <span className="muted">{c.camera_id}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="submit" disabled={!valid}>
            Save tour
          </button>
          {tour && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                onSave(null);
              }}
            >
              Remove tour
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
