import { useEffect, useState } from 'react';

import type { DesktopApi } from '../../common/desktop';
import { KioskUnlock } from './KioskUnlock';
import { SettingsPanel } from './SettingsPanel';

/** The desktop app's part of the toolbar: the Settings button, and the kiosk PIN prompt when main asks for it. */
export function DesktopControls({ desktop }: { desktop: DesktopApi }) {
  const [open, setOpen] = useState<'settings' | 'unlock' | null>(null);
  useEffect(
    () =>
      desktop.onKioskUnlockPrompt(() => {
        setOpen('unlock');
      }),
    [desktop],
  );
  const close = (): void => {
    setOpen(null);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen('settings');
        }}
      >
        Settings
      </button>
      {open === 'settings' && <SettingsPanel desktop={desktop} onClose={close} />}
      {open === 'unlock' && <KioskUnlock desktop={desktop} onClose={close} />}
    </>
  );
}
