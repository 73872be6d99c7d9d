import { useCallback, useState } from 'react';

import { runInBackground } from '../../common/background';
import type { DesktopApi } from '../../common/desktop';
import { cleanName, writeWallName } from '../alarms/deskSettings';
import { isWallName, wallNameOf } from './wallName';

/** This wall's name and, in the desktop app, how to rename it (a browser wall's name is its URL's). */
export interface WallNaming {
  name: string | null;
  rename: ((name: string) => void) | undefined;
}

/**
 * The wall's name. A desktop window registered its name with main as its page started (stationApiForPage); a
 * rename registers the new one (`desktop.nameWall`) and keeps it under the window's key. A browser wall's name
 * came with its URL and its event stream.
 */
export function useWallName(
  desktop: DesktopApi | undefined,
  initial: string | null,
  windowKey: string | null,
): WallNaming {
  const [name, setName] = useState(initial);
  const rename = useCallback(
    (next: string) => {
      const cleaned = cleanName(next);
      if (desktop === undefined || (cleaned !== '' && !isWallName(cleaned))) return;
      writeWallName(windowKey, cleaned);
      // Without a name of its own, the window is known by its display's key again.
      const byKey = wallNameOf(`?${new URLSearchParams({ wall: windowKey ?? '' }).toString()}`) ?? null;
      const named = cleaned === '' ? byKey : cleaned;
      setName(named);
      // Best effort: a window main cannot name still works as a wall, pushes just do not reach it.
      runInBackground(desktop.nameWall(named), () => undefined);
    },
    [desktop, windowKey],
  );
  return { name, rename: desktop === undefined ? undefined : rename };
}
