import { useCallback } from 'react';

import type { PlaybackGroup } from '../playback';
import { RATES } from '../playback/clock';
import type { Shortcut } from '../wall/shortcuts';
import type { ReplayDesk, TileKey } from './replayDesk';
import type { ReplayScope } from './ReplayPicker';

/** How far back R goes (each press). */
const BACK_MS = 10_000;

/**
 * The wall's replay keys: R (the selected tile 10 s back, again for further), Shift+R (the view), G (pick a
 * time), Space, `,` `.`, `[` `]` and L act on the selected tile's replay, else on the synchronized view's.
 */
export function useReplayKeys(
  desk: ReplayDesk | undefined,
  focused: number | null,
  tileKeys: readonly TileKey[],
  openPicker: (tile: number | null, scope?: ReplayScope) => void,
  tell: (notice: string) => void,
): (shortcut: Shortcut) => void {
  return useCallback(
    (shortcut: Shortcut) => {
      if (!desk) return;
      const key = focused === null ? undefined : tileKeys.find((k) => k.startsWith(`${focused}:`));
      const own: PlaybackGroup | undefined = key === undefined ? undefined : desk.groupFor(key);
      const group = own ?? desk.syncGroup();
      switch (shortcut.type) {
        case 'replay-back':
          if (shortcut.scope === 'view' || key === undefined) {
            const sync = desk.syncGroup();
            if (sync) sync.seek(sync.now() - BACK_MS);
            else if (tileKeys.length > 0) desk.replayView(tileKeys, Date.now() - BACK_MS);
            else tell('Put cameras on the wall to replay them');
            return;
          }
          if (desk.groupFor(key))
            desk.groupFor(key)?.seek((desk.groupFor(key)?.now() ?? Date.now()) - BACK_MS);
          else desk.replayTile(key, Date.now() - BACK_MS);
          return;
        case 'replay-pick':
          openPicker(focused);
          return;
        case 'replay-toggle':
          group?.toggle();
          return;
        case 'replay-step':
          group?.stepFrame(shortcut.direction);
          return;
        case 'replay-rate': {
          if (!group) return;
          const at = RATES.indexOf(group.snapshot().rate as 1);
          const rate = RATES[Math.min(RATES.length - 1, Math.max(0, at + shortcut.direction))];
          if (rate) group.setRate(rate);
          return;
        }
        case 'live':
          if (key && own && !desk.inSync(key)) desk.live(key);
          else desk.liveAll();
          return;
        default:
          return;
      }
    },
    [desk, focused, tileKeys, openPicker, tell],
  );
}
