import { useEffect, useState } from 'react';

import type { DesktopApi, DesktopSettings, DesktopSettingsPatch, JanusMode } from '../../common/desktop';
import { errorText, runInBackground } from '../../common/background';

const JANUS_MODES: readonly { mode: JanusMode; label: string }[] = [
  { mode: 'native', label: 'Bundled (native process)' },
  { mode: 'container', label: 'Bundled (Docker container)' },
  { mode: 'remote', label: 'Remote Janus (from the environment / secrets file)' },
];

/** The desktop app's settings: Janus source, kiosk, start at login, and how camera passwords are protected. */
export function SettingsPanel({ desktop, onClose }: { desktop: DesktopApi; onClose: () => void }) {
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    runInBackground(desktop.settings().then(setSettings), (error: unknown) => {
      setMessage({ ok: false, text: errorText(error) });
    });
  }, [desktop]);

  const save = (patch: DesktopSettingsPatch, done: string): void => {
    setMessage(null);
    runInBackground(
      desktop.updateSettings(patch).then((next) => {
        setSettings(next);
        setMessage({ ok: true, text: done });
      }),
      (error: unknown) => {
        setMessage({ ok: false, text: errorText(error) });
      },
    );
  };

  return (
    <div className="overlay" role="dialog" aria-label="Settings">
      <div className="panel settings">
        <h2>Settings</h2>
        {settings === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <div className="form-grid">
            <label className="field">
              <span>Janus</span>
              <select
                value={settings.janus_mode}
                onChange={(event) => {
                  save(
                    { janus_mode: event.target.value as JanusMode },
                    'Janus switched; the cameras moved over.',
                  );
                }}
              >
                {JANUS_MODES.map(({ mode, label }) => (
                  <option key={mode} value={mode}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Kiosk on the next start</span>
              <input
                type="checkbox"
                checked={settings.kiosk.enabled}
                onChange={(event) => {
                  save({ kiosk_enabled: event.target.checked }, 'Saved.');
                }}
              />
            </label>
            <label className="field">
              <span>Kiosk exit PIN ({settings.kiosk.pin_set ? 'set' : 'not set'})</span>
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                placeholder="4–12 digits"
                value={pin}
                onChange={(event) => {
                  setPin(event.target.value);
                }}
              />
              <button
                type="button"
                onClick={() => {
                  save({ kiosk_pin: pin }, 'PIN saved.');
                  setPin('');
                }}
              >
                Set PIN
              </button>
            </label>
            <label className="field">
              <span>Start at login</span>
              <input
                type="checkbox"
                checked={settings.start_at_login}
                onChange={(event) => {
                  save({ start_at_login: event.target.checked }, 'Saved.');
                }}
              />
            </label>
            <p
              className={settings.secret_storage.protected ? 'muted' : 'note-error'}
              data-testid="secret-storage"
            >
              {settings.secret_storage.note}
            </p>
            <p className="muted">
              Portal REST API: <code>{settings.api_url}</code>
            </p>
          </div>
        )}
        {message && (
          <p className={message.ok ? 'note-ok' : 'note-error'} role="status">
            {message.text}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
