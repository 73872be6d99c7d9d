import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';

import type { CameraView } from '../../common/camera';
import { browserMediaEnv, type PlaybackSource } from '../playback';
import type { Shortcut } from '../wall/shortcuts';
import { gridLayout } from '../wall/layout';
import { shownTiles, type WallState } from '../views/viewState';
import { ReplayDesk, type TileKey } from './replayDesk';
import type { ReplayScope } from './ReplayPicker';
import { useReplayKeys } from './useReplayKeys';
import { shownTileKeys } from './wallReplay';

/** The wall's instant replay: the desk of replaying tiles, the shown tiles' keys and the replay keys. */
export interface WallReplaySetup {
  /** Absent where the page cannot fetch recordings (the desktop app for now). */
  desk: ReplayDesk | undefined;
  tileKeys: TileKey[];
  /** Acts on a replay key (R, Shift+R, G, Space, `,` `.`, `[` `]`, L). */
  onKey: (shortcut: Shortcut) => void;
  /** The camera name of a tile, for the picker (null without a camera). */
  tileName: (tile: number | null) => string | null;
}

const noSubscription = (): (() => void) => () => undefined;
const noVersion = (): number => 0;

/**
 * Instant replay for the wall (moved out of App as it was written on the `replay` branch): one ReplayDesk per
 * playback source, every tile back to live when the wall goes away, re-rendered on each replay change.
 */
export function useWallReplay(
  playback: PlaybackSource | undefined,
  state: WallState,
  cameras: ReadonlyMap<string, CameraView>,
  openPicker: (tile: number | null, scope?: ReplayScope) => void,
  tell: (notice: string) => void,
): WallReplaySetup {
  const desk = useMemo(
    () => (playback ? new ReplayDesk({ source: playback, media: browserMediaEnv }) : undefined),
    [playback],
  );
  useEffect(
    () => () => {
      desk?.liveAll();
    },
    [desk],
  );
  useSyncExternalStore(desk?.subscribe ?? noSubscription, desk?.version ?? noVersion, noVersion);
  const tiles = shownTiles(state);
  const tileKeys = shownTileKeys(tiles, gridLayout(state.layout).tiles.length);
  const onKey = useReplayKeys(desk, state.focused, tileKeys, openPicker, tell);
  const tileName = useCallback(
    (tile: number | null): string | null => {
      const cameraId = tile === null ? null : (tiles[tile] ?? null);
      return cameraId === null ? null : (cameras.get(cameraId)?.name ?? cameraId);
    },
    [tiles, cameras],
  );
  return { desk, tileKeys, onKey, tileName };
}
