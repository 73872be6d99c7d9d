import { useEffect, useState } from 'react';

import { runInBackground } from '../../common/background';
import type { StreamPlayer } from '../player/types';

/** The window's one stream player: made on mount, destroyed on unmount and when the page is unloaded. */
export function useStreamPlayer(create: () => StreamPlayer): StreamPlayer | null {
  const [player, setPlayer] = useState<StreamPlayer | null>(null);
  useEffect(() => {
    const made = create();
    let destroyed = false;
    const destroy = (): void => {
      if (destroyed) return;
      destroyed = true;
      // The page is going away: nobody is left to show a failure to close the Janus session.
      runInBackground(made.destroy(), () => undefined);
    };
    setPlayer(made);
    window.addEventListener('pagehide', destroy);
    return () => {
      window.removeEventListener('pagehide', destroy);
      destroy();
      setPlayer(null);
    };
  }, [create]);
  return player;
}
