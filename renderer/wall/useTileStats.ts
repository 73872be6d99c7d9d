import { useEffect, useState } from 'react';

import { runInBackground } from '../../common/background';
import type { PlayerTile, TileStats } from '../player/types';

const POLL_MS = 1000;

/** The tile's playback stats, polled once a second while `shown` (stats cost a getStats() call each). */
export function useTileStats(tile: PlayerTile | null, shown: boolean): TileStats | null {
  const [stats, setStats] = useState<TileStats | null>(null);
  useEffect(() => {
    if (!tile || !shown) return;
    let active = true;
    const poll = (): void => {
      runInBackground(
        tile.stats().then((next) => {
          if (active) setStats(next ?? null);
        }),
        () => {
          if (active) setStats(null);
        },
      );
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
      setStats(null);
    };
  }, [tile, shown]);
  // The render that hides the stats (or loses the tile) comes before the clean-up above forgets them.
  return tile && shown ? stats : null;
}
