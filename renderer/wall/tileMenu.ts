import type { CameraView } from '../../common/camera';
import type { MenuContent, MenuItem } from '../menu/menu';

/** What a tile's context menu is about. */
export interface TileMenuContext {
  index: number;
  cameraId: string | null;
  camera: CameraView | undefined;
  full: boolean;
  statsShown: boolean;
  muted: boolean;
  /** The camera highlighted in the camera list, offered for this tile. */
  highlighted: CameraView | undefined;
  /** Whether the tile is live or in replay; `unavailable` where the station offers no playback. */
  replay: 'live' | 'playback' | 'unavailable';
}

/** What a tile's context menu can do. */
export interface TileMenuActions {
  toggleFull: () => void;
  snapshot: () => void;
  restart: () => void;
  toggleStats: () => void;
  toggleMute: () => void;
  clear: () => void;
  edit: () => void;
  placeHighlighted: () => void;
  /** Instant replay from this many seconds back. */
  replayBack: (seconds: number) => void;
  /** Opens the replay picker (a typed time, or the whole view). */
  replayPick: () => void;
  live: () => void;
}

function replayItems(ctx: TileMenuContext, act: TileMenuActions): MenuItem[] {
  if (ctx.replay === 'unavailable') return [];
  const back = (seconds: number, label: string): MenuItem => ({
    label,
    onSelect: () => {
      act.replayBack(seconds);
    },
    testId: `tile-menu-replay-${seconds}`,
  });
  return [
    ...(ctx.replay === 'playback'
      ? [{ label: 'Back to live', onSelect: act.live, testId: 'tile-menu-live' }]
      : []),
    back(10, 'Replay 10 s back'),
    back(30, 'Replay 30 s back'),
    back(120, 'Replay 2 min back'),
    {
      label: 'Replay from a time… (this tile or the whole view)',
      onSelect: act.replayPick,
      testId: 'tile-menu-replay-pick',
    },
  ];
}

function placeItem(ctx: TileMenuContext, act: TileMenuActions): MenuItem[] {
  const { highlighted } = ctx;
  if (!highlighted) {
    if (ctx.cameraId) return [];
    return [
      {
        label: 'Highlight a camera in the list to put it here',
        onSelect: act.placeHighlighted,
        disabled: true,
      },
    ];
  }
  if (highlighted.camera_id === ctx.cameraId) return [];
  return [
    { label: `Put ${highlighted.name} here`, onSelect: act.placeHighlighted, testId: 'tile-menu-place' },
  ];
}

/**
 * A tile's context menu: for a camera, instant replay (or back to live), full window, snapshot, restart stream,
 * stats, audio (when it has some), remove from tile and edit camera; for any tile, putting the highlighted
 * camera there.
 */
export function tileMenu(ctx: TileMenuContext, act: TileMenuActions): MenuContent {
  const title = ctx.cameraId ? (ctx.camera?.name ?? ctx.cameraId) : `Tile ${ctx.index + 1} (empty)`;
  if (!ctx.cameraId) return { title, items: placeItem(ctx, act) };
  const items: MenuItem[] = [
    ...replayItems(ctx, act),
    {
      label: ctx.full ? 'Back to the wall' : 'Show full window',
      onSelect: act.toggleFull,
      testId: 'tile-menu-full',
    },
    { label: 'Snapshot (PNG)', onSelect: act.snapshot, testId: 'tile-menu-snapshot' },
    { label: 'Restart stream', onSelect: act.restart, testId: 'tile-menu-restart' },
    { label: ctx.statsShown ? 'Hide stats' : 'Show stats', onSelect: act.toggleStats },
    ...(ctx.camera?.audio ? [{ label: ctx.muted ? 'Unmute' : 'Mute', onSelect: act.toggleMute }] : []),
    ...placeItem(ctx, act),
    { label: 'Remove from tile', onSelect: act.clear, testId: 'tile-menu-clear' },
    { label: 'Edit camera…', onSelect: act.edit, disabled: !ctx.camera, testId: 'tile-menu-edit' },
  ];
  return { title, subtitle: ctx.cameraId, items };
}
