import { useState } from 'react';

import { parseTypedTime } from '../playback/timeline';

/** Where a replay goes: one tile or the whole view in step. */
export type ReplayScope = 'tile' | 'view';

/** The picker's inputs. */
export interface ReplayPickerProps {
  /** The selected tile's camera name, or null when no tile with a camera is selected. */
  tileName: string | null;
  initialScope: ReplayScope;
  onPick: (fromMs: number, scope: ReplayScope) => void;
  onClose: () => void;
}

const BACK = [
  { seconds: 10, label: '10 s back' },
  { seconds: 30, label: '30 s back' },
  { seconds: 120, label: '2 min back' },
] as const;

/** Go to a moment: 10 s / 30 s / 2 min back or a typed time, for the selected tile or the whole view. */
export function ReplayPicker({ tileName, initialScope, onPick, onClose }: ReplayPickerProps) {
  const [scope, setScope] = useState<ReplayScope>(tileName === null ? 'view' : initialScope);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="overlay" role="dialog" aria-label="Instant replay" onClick={onClose}>
      <form
        className="panel replay-picker"
        data-testid="replay-picker"
        onClick={(event) => {
          event.stopPropagation();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseTypedTime(text, Date.now());
          if ('error' in parsed) setError(parsed.error);
          else onPick(parsed.ms, scope);
        }}
      >
        <h2>Instant replay</h2>
        <fieldset className="replay-scope">
          <label>
            <input
              type="radio"
              name="scope"
              data-testid="replay-scope-tile"
              disabled={tileName === null}
              checked={scope === 'tile'}
              onChange={() => {
                setScope('tile');
              }}
            />
            {tileName === null ? 'Selected tile (none)' : tileName}
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              data-testid="replay-scope-view"
              checked={scope === 'view'}
              onChange={() => {
                setScope('view');
              }}
            />
            Whole view, synchronized
          </label>
        </fieldset>
        <div className="actions replay-back">
          {BACK.map((b) => (
            <button
              key={b.seconds}
              type="button"
              data-testid={`replay-back-${b.seconds}`}
              onClick={() => {
                onPick(Date.now() - b.seconds * 1000, scope);
              }}
            >
              {b.label}
            </button>
          ))}
        </div>
        <label className="field">
          <span>Go to a time</span>
          <input
            autoFocus
            data-testid="replay-time"
            placeholder="14:02:11, 14:02, -45s, -5m or 2026-12-02T14:02:11Z"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
          {error && (
            <span className="note-error" data-testid="replay-time-error">
              {error}
            </span>
          )}
        </label>
        <div className="actions">
          <button type="submit" data-testid="replay-go" disabled={text.trim() === ''}>
            Go
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
