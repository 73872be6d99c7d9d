import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

import { runInBackground } from '../../common/background';
import type { PlayerTile, StreamPlayer, TileStatus } from '../player/types';
import { pauseWhenHidden } from '../player/visibility';

/** The player tile of one wall tile, the `<video>` it plays into, and its latest status. */
export interface TilePlayback {
  /** The `<video>`'s ref: the camera plays into the element while it is mounted. */
  playInto: (video: HTMLVideoElement | null) => (() => void) | undefined;
  tile: PlayerTile | null;
  video: HTMLVideoElement | null;
  status: TileStatus | null;
}

const noSubscription = (): (() => void) => () => undefined;

/**
 * Plays `cameraId` into the tile's `<video>` while it is mounted: one player tile per element, paused while
 * nobody can see it, stopped when the element goes away. Starts muted.
 */
export function useTilePlayer(player: StreamPlayer, cameraId: string | null, muted: boolean): TilePlayback {
  const [playing, setPlaying] = useState<{ tile: PlayerTile; video: HTMLVideoElement } | null>(null);

  const playInto = useCallback(
    (video: HTMLVideoElement | null) => {
      if (!video || !cameraId) return undefined;
      const tile = player.play(cameraId, video, { muted: true });
      const stopWatching = pauseWhenHidden(video, tile);
      setPlaying({ tile, video });
      return () => {
        stopWatching();
        // The tile is going away; a failure to hang up its handle leaves nothing to show.
        runInBackground(tile.stop(), () => undefined);
        setPlaying(null);
      };
    },
    [player, cameraId],
  );

  const tile = playing?.tile ?? null;
  const subscribe = useCallback(
    (onChange: () => void) => (tile ? tile.onStatus(onChange) : noSubscription()),
    [tile],
  );
  const status = useSyncExternalStore(
    subscribe,
    () => tile?.status() ?? null,
    () => null,
  );

  useEffect(() => {
    tile?.setMuted(muted);
  }, [tile, muted]);

  return { playInto, tile, video: playing?.video ?? null, status };
}
