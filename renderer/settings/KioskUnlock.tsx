import { useState } from 'react';

import type { DesktopApi } from '../../common/desktop';
import { errorText, runInBackground } from '../../common/background';

/** The kiosk's PIN prompt, shown after the unlock chord (Ctrl+Alt+Shift+U); the PIN is checked in main. */
export function KioskUnlock({ desktop, onClose }: { desktop: DesktopApi; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="overlay" role="dialog" aria-label="Leave kiosk">
      <form
        className="panel kiosk-unlock"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          runInBackground(desktop.unlockKiosk(pin).then(onClose), (failure: unknown) => {
            setPin('');
            setError(errorText(failure));
          });
        }}
      >
        <h2>Leave kiosk</h2>
        <label className="field">
          <span>PIN</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={pin}
            onChange={(event) => {
              setPin(event.target.value);
            }}
          />
        </label>
        {error && (
          <p className="note-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit">Unlock</button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
