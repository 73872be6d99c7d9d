import { useState } from 'react';

import { LAYOUTS } from '../../common/views';
import { errorText, runInBackground } from '../../common/background';
import type { Views } from './useViews';
import { viewFields, type WallAction, type WallState } from './viewState';

/** The toolbar's inputs: named views, the wall, and the overlays it opens. */
export interface ViewBarProps {
  views: Views;
  state: WallState;
  dispatch: (action: WallAction) => void;
  onEditTour: () => void;
  onHelp: () => void;
}

type Pending = 'none' | 'save-as' | 'delete';

/** The wall's toolbar: named view select/save/save as/delete, layouts, tour play/pause and setup, help. */
export function ViewBar({ views, state, dispatch, onEditTour, onHelp }: ViewBarProps) {
  const [pending, setPending] = useState<Pending>('none');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { current } = views;

  const run = (task: Promise<void>, after: () => void): void => {
    setProblem(null);
    runInBackground(task.then(after), (error: unknown) => {
      setProblem(errorText(error));
    });
  };
  const saved = (): void => {
    dispatch({ type: 'saved' });
    setPending('none');
  };
  const save = (): void => {
    if (current) run(views.save(viewFields(state)), saved);
    else setPending('save-as');
  };
  const sorted = [...views.views].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <header className="toolbar">
      <div className="group">
        <select
          data-testid="view-select"
          aria-label="View"
          value={current?.view_id ?? ''}
          onChange={(event) => {
            views.select(event.target.value || null);
          }}
        >
          <option value="">Unsaved wall</option>
          {sorted.map((v) => (
            <option key={v.view_id} value={v.view_id}>
              {v.name}
            </option>
          ))}
        </select>
        {state.dirty && (
          <span className="dirty" title="Unsaved changes">
            ●
          </span>
        )}
        <button type="button" data-testid="save-view" onClick={save}>
          Save
        </button>
        <button
          type="button"
          onClick={() => {
            setName(current ? `${current.name} copy` : '');
            setPending('save-as');
          }}
        >
          Save as…
        </button>
        {current && (
          <button
            type="button"
            className="danger"
            onClick={() => {
              setPending('delete');
            }}
          >
            Delete
          </button>
        )}
        {pending === 'save-as' && (
          <form
            className="popover"
            onKeyDown={(event) => {
              if (event.key === 'Escape') setPending('none');
            }}
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) run(views.saveAs(name.trim(), viewFields(state)), saved);
            }}
          >
            <input
              data-testid="save-view-name"
              aria-label="View name"
              placeholder="View name"
              maxLength={128}
              autoFocus
              value={name}
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
            <button type="submit" data-testid="save-view-confirm">
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                setPending('none');
              }}
            >
              Cancel
            </button>
          </form>
        )}
        {pending === 'delete' && current && (
          <span className="popover">
            Delete “{current.name}”?
            <button
              type="button"
              className="danger"
              onClick={() => {
                run(views.remove(current.view_id), saved);
              }}
            >
              Delete
            </button>
            <button
              type="button"
              onClick={() => {
                setPending('none');
              }}
            >
              Keep
            </button>
          </span>
        )}
      </div>
      <div className="group" role="group" aria-label="Layout">
        {LAYOUTS.map((layout, i) => (
          <button
            key={layout}
            type="button"
            data-testid={`layout-${layout}`}
            title={`Layout ${layout} (key ${i + 1})`}
            aria-pressed={state.layout === layout}
            onClick={() => {
              dispatch({ type: 'layout', layout });
            }}
          >
            {layout}
          </button>
        ))}
      </div>
      <div className="group">
        <button
          type="button"
          data-testid="tour-toggle"
          data-tour={state.tour ? state.tourMode : 'none'}
          disabled={!state.tour}
          title="Play or pause the tour (T)"
          onClick={() => {
            dispatch({ type: 'tour-toggle' });
          }}
        >
          {state.tourMode === 'playing' ? '❚❚ Tour' : '▶ Tour'}
        </button>
        <button type="button" onClick={onEditTour}>
          Tour…
        </button>
        <button type="button" title="Keyboard shortcuts (?)" onClick={onHelp}>
          ?
        </button>
      </div>
      {(problem ?? views.error) && (
        <span className="problem" role="alert">
          {problem ?? `Views: ${views.error ?? ''}`}
        </span>
      )}
    </header>
  );
}
