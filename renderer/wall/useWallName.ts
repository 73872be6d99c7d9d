import { useCallback, useEffect, useState } from 'react';

import { runInBackground } from '../../common/background';
import type { DesktopApi } from '../../common/desktop';
import { cleanName, writeWallName } from '../alarms/deskSettings';
import { isWallName } from './wallName';

/** This wall's name and, in the desktop app, how to rename it (a browser wall's name is its URL's). */
export interface WallNaming {
  name: string | null;
  rename: ((name: string) => void) | undefined;
}

/**
 * The wall's name. A desktop window registers its name with main (`desktop.nameWall`) at start and on each
 * rename, and keeps it under its window key; a browser wall's name came with its URL and its event stream.
 */
export function useWallName(
  desktop: DesktopApi | undefined,
  initial: string | null,
  windowKey: string | null,
): WallNaming {
  const [name, setName] = useState(initial);
  useEffect(() => {
    if (desktop === undefined) return;
    // Best effort: a window main cannot name still works as a wall, pushes just do not reach it.
    runInBackground(desktop.nameWall(name), () => undefined);
  }, [desktop, name]);
  const rename = useCallback(
    (next: string) => {
      const cleaned = cleanName(next);
      if (cleaned !== '' && !isWallName(cleaned)) return;
      writeWallName(windowKey, cleaned);
      setName(cleaned === '' ? null : cleaned);
    },
    [windowKey],
  );
  return { name, rename: desktop === undefined ? undefined : rename };
}
