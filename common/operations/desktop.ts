import { Type } from 'typebox';

import { DesktopSettings, DesktopSettingsPatch, KioskPin } from '../desktop';
import { ViewId } from '../views';
import { WallName } from '../walls';
import type { ResourceContracts } from './contract';

/** What only the desktop app offers its pages; main/app/desktop-channels.ts serves them. */
export const desktopContracts = {
  'desktop.settings': { args: [], output: DesktopSettings, summary: 'The current desktop settings' },
  'desktop.update-settings': {
    args: [DesktopSettingsPatch],
    output: DesktopSettings,
    summary: 'Changes desktop settings; answers the new settings',
  },
  'desktop.unlock-kiosk': {
    args: [KioskPin],
    output: Type.Void(),
    summary: 'Leaves kiosk mode when the PIN is right (VIGIL_ERR_FORBIDDEN, with when to retry, when not)',
  },
  'desktop.wall-view': {
    args: [ViewId],
    output: Type.Void(),
    summary:
      'Remembers which saved view the calling wall window shows (it comes back after a restart or replug)',
  },
  'desktop.name-wall': {
    args: [Type.Union([WallName, Type.Null()])],
    output: Type.Void(),
    summary:
      'Names the calling wall window (`POST /walls/{name}/show` then reaches it) or, with null, unnames it',
  },
} as const satisfies ResourceContracts<'desktop'>;
