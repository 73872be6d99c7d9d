import { useEffect, useState, type RefObject } from 'react';

import { runInBackground } from '../../common/background';
import type { PlayerTile, StreamPlayer, TileStatus } from '../player/types';
import { pauseWhenHidden } from '../player/visibility';

/** The player tile of one wall tile and its latest status. */
export interface TilePlayback {
  tile: PlayerTile | null;
  status: TileStatus | null;
}

/**
 * Plays `cameraId` into the video element while the tile shows it: one player tile per camera change, paused
 * while nobody can see it, stopped when the camera changes or the tile goes away. Starts muted.
 */
export function useTilePlayer(
  player: StreamPlayer | null,
  cameraId: string | null,
  video: RefObject<HTMLVideoElement | null>,
  muted: boolean,
): TilePlayback {
  const [playback, setPlayback] = useState<TilePlayback>({ tile: null, status: null });

  useEffect(() => {
    const element = video.current;
    if (!player || !cameraId || !element) return;
    const tile = player.play(cameraId, element, { muted: true });
    setPlayback({ tile, status: tile.status() });
    const unsubscribe = tile.onStatus((status) => {
      setPlayback({ tile, status });
    });
    const stopWatching = pauseWhenHidden(element, tile);
    return () => {
      stopWatching();
      unsubscribe();
      // The tile is going away; a failure to hang up its handle leaves nothing to show.
      runInBackground(tile.stop(), () => undefined);
      setPlayback({ tile: null, status: null });
    };
  }, [player, cameraId, video]);

  const { tile } = playback;
  useEffect(() => {
    tile?.setMuted(muted);
  }, [tile, muted]);

  return playback;
}
