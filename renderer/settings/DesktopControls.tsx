import { useEffect, useState } from 'react';

import type { DesktopApi } from '../../common/desktop';
import { offersSettings, watchKiosk } from './kioskState';
import { KioskUnlock } from './KioskUnlock';
import { SettingsPanel } from './SettingsPanel';

/**
 * The desktop app's part of the toolbar: the Settings button (never on a kiosk wall: kiosk hides it and closes an
 * open settings panel), and the kiosk PIN prompt when main asks for it.
 */
export function DesktopControls({ desktop }: { desktop: DesktopApi }) {
  const [open, setOpen] = useState<'settings' | 'unlock' | null>(null);
  const [kiosk, setKiosk] = useState<boolean | undefined>(undefined);
  useEffect(() => watchKiosk(desktop, setKiosk), [desktop]);
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
  const settings = offersSettings(kiosk);
  return (
    <>
      {settings && (
        <button
          type="button"
          onClick={() => {
            setOpen('settings');
          }}
        >
          Settings
        </button>
      )}
      {open === 'settings' && settings && <SettingsPanel desktop={desktop} onClose={close} />}
      {open === 'unlock' && <KioskUnlock desktop={desktop} onClose={close} />}
    </>
  );
}
