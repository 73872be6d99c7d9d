import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';

import type { CameraView } from '../../common/camera';
import { menuPoint } from '../menu/ContextMenu';
import type { MenuRequest } from '../menu/menu';
import { CameraCounts } from './CameraCounts';
import {
  countStates,
  groupCameras,
  listRows,
  matchesFilter,
  moveHighlight,
  rowKey,
  sameRow,
  type CameraFilter,
  type CameraRow as Row,
} from './cameraListModel';
import { cameraMenu } from './cameraMenu';
import { CameraRow } from './CameraRow';

/** The camera list's inputs: the cameras, the highlighted one, and what its commands do. */
export interface CameraListProps {
  cameras: readonly CameraView[];
  error: string | null;
  /** The highlighted camera: Enter (here or on the wall) puts it on the selected tile. */
  highlighted: string | null;
  onHighlight: (cameraId: string) => void;
  /** Where a placement goes, in words (`tile 3 (selected)`), or null when every tile is taken. */
  placeTarget: string | null;
  onPlace: (camera: CameraView) => void;
  openMenu: (request: MenuRequest) => void;
  onAdd: () => void;
  onEdit: (camera: CameraView) => void;
  onRestart: (camera: CameraView) => void;
  onDelete: (camera: CameraView) => void;
}

/**
 * The station's cameras for a desk with hundreds of them: a filter (name, id, tag), grouping by tag with
 * collapsible headings, a keyboard-operable list (arrows highlight, Enter places) and a status bar of counts.
 */
export function CameraList(props: CameraListProps) {
  const { cameras, highlighted, onHighlight } = props;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [filter, setFilter] = useState<CameraFilter>({ text: '', state: null });
  const [byTag, setByTag] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [activeRow, setActiveRow] = useState<Row | null>(null);

  const shown = useMemo(() => cameras.filter((c) => matchesFilter(c, filter)), [cameras, filter]);
  const groups = useMemo(() => groupCameras(shown, byTag), [shown, byTag]);
  const rows = useMemo(() => listRows(groups, collapsed), [groups, collapsed]);
  const counts = useMemo(() => countStates(cameras), [cameras]);
  const byId = useMemo(() => new Map(cameras.map((c) => [c.camera_id, c])), [cameras]);
  // The row the highlight sits on: the one last chosen if it still shows the camera, else its first line.
  const active =
    rows.find((row) => sameRow(row, activeRow) && row.cameraId === highlighted) ??
    rows.find((row) => row.cameraId === highlighted) ??
    null;
  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [rowKey(row), i])), [rows]);
  const rowId = (row: Row): string => `camera-row-${rowIndex.get(rowKey(row)) ?? -1}`;

  const highlight = (row: Row): void => {
    setActiveRow(row);
    onHighlight(row.cameraId);
  };
  const openMenu = (camera: CameraView, event: MouseEvent<HTMLElement>): void => {
    event.preventDefault();
    props.openMenu({
      ...cameraMenu(camera, props.placeTarget, {
        place: () => {
          props.onPlace(camera);
        },
        edit: () => {
          props.onEdit(camera);
        },
        restart: () => {
          props.onRestart(camera);
        },
        remove: () => {
          setConfirming(camera.camera_id);
        },
      }),
      at: menuPoint(event),
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    // The list's keys are its own: the wall's arrows and Enter never see them.
    const camera = active ? byId.get(active.cameraId) : undefined;
    if (event.key === 'Enter') {
      event.stopPropagation();
      event.preventDefault();
      if (camera) props.onPlace(camera);
      return;
    }
    const next = moveHighlight(rows, active, event.key);
    if (next === null) return;
    event.stopPropagation();
    event.preventDefault();
    highlight(next);
  };

  return (
    <aside className="camera-list" data-testid="camera-list" aria-label="Cameras">
      <div className="camera-list-head">
        <input
          type="search"
          data-testid="camera-filter"
          placeholder="Filter…"
          aria-label="Filter cameras by name, id or tag"
          value={filter.text}
          onChange={(event) => {
            setFilter({ ...filter, text: event.target.value });
          }}
        />
        <button
          type="button"
          data-testid="group-by-tag"
          aria-pressed={byTag}
          title="Group the cameras by tag"
          onClick={() => {
            setByTag(!byTag);
          }}
        >
          Tags
        </button>
        <button type="button" data-testid="add-camera" onClick={props.onAdd}>
          + Add
        </button>
      </div>
      {props.error && (
        <p className="problem" role="alert">
          Cameras: {props.error}
        </p>
      )}
      <div
        className="camera-rows"
        data-testid="camera-rows"
        role="listbox"
        aria-label="Cameras: arrows highlight, Enter puts the highlighted camera on the selected tile"
        aria-activedescendant={active ? rowId(active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => {
          const camera = active ? byId.get(active.cameraId) : undefined;
          if (event.target === event.currentTarget && camera) openMenu(camera, event);
        }}
      >
        {rows.length === 0 && (
          <p className="muted camera-rows-empty">
            {cameras.length === 0 ? 'No cameras yet: + Add one.' : 'No camera matches the filter.'}
          </p>
        )}
        {groups.map((group) => (
          <div key={group.key} role="group" aria-label={group.label}>
            {byTag && (
              <button
                type="button"
                className="camera-group"
                aria-expanded={!collapsed.has(group.key)}
                onClick={() => {
                  const next = new Set(collapsed);
                  if (!next.delete(group.key)) next.add(group.key);
                  setCollapsed(next);
                }}
              >
                <span aria-hidden="true">{collapsed.has(group.key) ? '▸' : '▾'}</span>
                <span className="camera-group-label">{group.label}</span>
                <span className="muted">{group.cameras.length}</span>
              </button>
            )}
            <ul>
              {!collapsed.has(group.key) &&
                group.cameras.map((camera) => {
                  const row = { group: group.key, cameraId: camera.camera_id };
                  return (
                    <CameraRow
                      key={camera.camera_id}
                      camera={camera}
                      id={rowId(row)}
                      highlighted={sameRow(row, active)}
                      confirmingDelete={confirming === camera.camera_id}
                      onHighlight={() => {
                        highlight(row);
                      }}
                      onPlace={() => {
                        highlight(row);
                        props.onPlace(camera);
                      }}
                      onMenu={(event) => {
                        highlight(row);
                        openMenu(camera, event);
                      }}
                      onEdit={() => {
                        props.onEdit(camera);
                      }}
                      onRestart={() => {
                        props.onRestart(camera);
                      }}
                      onConfirmDelete={(asking) => {
                        setConfirming(asking ? camera.camera_id : null);
                      }}
                      onDelete={() => {
                        setConfirming(null);
                        props.onDelete(camera);
                      }}
                    />
                  );
                })}
            </ul>
          </div>
        ))}
      </div>
      <CameraCounts
        counts={counts}
        total={cameras.length}
        shown={shown.length}
        state={filter.state}
        onState={(state) => {
          setFilter({ ...filter, state });
        }}
      />
    </aside>
  );
}
