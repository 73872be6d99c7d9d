/*
 * Stable data-testid attributes for end-to-end tests (keep them when changing the markup):
 *   wall                 the grid (data-layout = layout id)
 *   tile-<index>         a tile, 0-based in layout order; data-camera-id (empty when none), data-state
 *                        (empty, connecting, live, reconnecting, stale, offline, paused, disabled, error),
 *                        data-selected (the tile placements and keys act on) and data-alarm (the severity of
 *                        the alarm on stage when the tile shows one of its cameras, else empty)
 *   tile-video-<index>   the tile's <video>; tile-state-<index> the state in its band
 *   tile-audio-<index>   the tile's mute/unmute button (disabled when the camera sends no audio)
 *                        A tile also has data-mode (live, playback) and, in playback, data-state playback and
 *                        data-playback-phase (opening, buffering, playing, paused, gap, ended, error)
 *   tile-mode-<index>    the PLAYBACK badge of a tile in replay; tile-replay-video-<index> its <video>
 *   tile-replay-button-<index> / tile-live-button-<index>  the band's replay / back-to-live buttons
 *   tile-replay-<index>  a tile's own replay controls (-play, -step-back, -step-forward, -rate or -rate-<n>,
 *                        -timeline, -live); view-replay the synchronized view's (same suffixes)
 *   replay-picker        the replay dialog: replay-scope-tile|view, replay-back-10|30|120, replay-time,
 *                        replay-go; tile-menu-replay-<10|30|120|pick>, tile-menu-live in a tile's menu
 *   camera-list          the camera list; camera-rows its keyboard-operable list (listbox); camera-item-<id>
 *                        one camera in it (drag source, double-click places it; data-state = station health,
 *                        aria-selected = highlighted); delete-camera-<id> then delete-camera-confirm-<id>
 *                        delete it; camera-filter, group-by-tag, camera-counts (the status bar; count-<state>
 *                        filters by a state)
 *   context-menu         the open context menu; tile-menu-<full|snapshot|restart|clear|edit|place> and
 *                        camera-menu-<place|edit|restart|delete> its commands
 *   add-camera           opens the add-camera form
 *   camera-form          the add/edit form; field-<name> each input (camera_id, name, rtsp_url, username,
 *                        password, auth_method, description, tags, enabled); field-error-<name> the
 *                        error under a field, field-note-<name> what the probe confirmed; form-error an
 *                        error no field owns; test-camera runs the probe; save-camera saves
 *   layout-<id>          layout buttons (layout-1, layout-2x2, … layout-1+12)
 *   view-select          the named-view select; save-view saves the current view (asks for a name when
 *                        there is none); save-view-name + save-view-confirm name a new view ("Save as…")
 *   tour-toggle          plays/pauses the tour
 *   alert-banner         the unacknowledged desk alerts (present only while there are some);
 *                        alert-ack the acknowledge button of each alert (data-camera-id), alert-ack-all
 *                        acknowledges them all (when there are several)
 */
import type { CameraView } from '../../common/camera';
import type { Alarm } from '../alarms/alarm';
import { useEffect } from 'react';

import type { StreamPlayer, TileStatus } from '../player/types';
import { shownTileKeys, type WallReplay } from '../replay/wallReplay';
import { shownTiles, type WallAction, type WallState } from '../views/viewState';
import { gridArea, gridLayout } from './layout';
import { Tile, type TileCommands } from './Tile';

/**
 * React keys for the tiles: a camera's tile is keyed by the camera (and which of its tiles it is, for a camera
 * placed twice), so a camera moving to another tile — onto the hotspot for an alarm, a layout change — keeps
 * its tile, its `<video>` and its stream instead of watching again; an empty tile by its place.
 */
export function tileKeys(tiles: readonly (string | null)[]): string[] {
  const seen = new Map<string, number>();
  return tiles.map((cameraId, index) => {
    if (cameraId === null) return `empty:${index}`;
    const n = seen.get(cameraId) ?? 0;
    seen.set(cameraId, n + 1);
    return `camera:${cameraId}:${n}`;
  });
}

/** The wall's inputs: its state, the cameras by id, the window's player. */
export interface WallProps {
  state: WallState;
  cameras: ReadonlyMap<string, CameraView>;
  player: StreamPlayer;
  dispatch: (action: WallAction) => void;
  commands: TileCommands;
  onPlayerStatus: (cameraId: string, status: TileStatus) => void;
  replay: WallReplay | undefined;
  /** The alarm on stage: tiles showing its cameras are framed in its colour. */
  alarm?: Pick<Alarm, 'camera_ids' | 'severity'> | null;
}

/** The camera wall: the layout's CSS grid with one tile per slot; a full-window tile covers the grid. */
export function Wall(props: WallProps) {
  const { state, cameras, player, dispatch, commands, onPlayerStatus, replay, alarm } = props;
  const grid = gridLayout(state.layout);
  const tiles = shownTiles(state);
  const keys = tileKeys(tiles.slice(0, grid.tiles.length));
  const replayKeys = shownTileKeys(tiles, grid.tiles.length).join('\n');
  const desk = replay?.desk;
  // A tile whose camera changed, or that the layout dropped, leaves replay.
  useEffect(() => {
    desk?.retain(replayKeys === '' ? [] : replayKeys.split('\n'));
  }, [desk, replayKeys]);
  return (
    <div
      className="wall"
      data-testid="wall"
      data-layout={state.layout}
      style={{
        gridTemplateColumns: `repeat(${grid.size}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${grid.size}, minmax(0, 1fr))`,
      }}
    >
      {grid.tiles.map((placement, index) => {
        const cameraId = tiles[index] ?? null;
        return (
          <Tile
            key={keys[index]}
            index={index}
            cameraId={cameraId}
            camera={cameraId ? cameras.get(cameraId) : undefined}
            player={player}
            gridArea={gridArea(placement)}
            full={state.full === index}
            hidden={state.full !== null && state.full !== index}
            selected={state.focused === index}
            alarm={cameraId !== null && alarm?.camera_ids.includes(cameraId) ? alarm.severity : null}
            dispatch={dispatch}
            commands={commands}
            onPlayerStatus={onPlayerStatus}
            replay={replay}
            dense={grid.size >= 3 && state.full !== index}
          />
        );
      })}
    </div>
  );
}
