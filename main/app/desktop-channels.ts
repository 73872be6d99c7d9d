// The DesktopApi over IPC: settings as the settings page shows them, changes applied at once (kiosk PIN
// hashed, start at login written, Janus switched; while kiosk is on only with the current PIN), and the kiosk's
// PIN check.
import type { WebContents } from 'electron';

import type {
  DesktopSettings,
  DesktopSettingsPatch,
  JanusMode,
  SecretStorageStatus,
} from '../../common/desktop';
import type { DesktopSettingsStore } from '../store/desktop-settings';
import type { IpcRegistry } from './ipc/handle';
import type { Kiosk } from '../runtime/desk/kiosk';
import { assertSettingsChangeAllowed, pinRefusal } from '../runtime/desk/kiosk-settings';
import { hashPin } from '../runtime/desk/pin-hash';

/** What the desktop channels act on. */
export interface DesktopChannelDeps {
  settings: DesktopSettingsStore;
  secretStorage: SecretStorageStatus;
  apiUrl: string;
  kiosk: Kiosk;
  /** Writes the login item (or autostart file) for these settings. */
  setStartAtLogin: (enabled: boolean, kiosk: boolean) => Promise<void>;
  /** Moves the station onto a Janus of another mode; rejects (settings unchanged) when it cannot start. */
  switchJanus: (mode: JanusMode) => Promise<void>;
  /** Remembers the view the wall window of `page` shows. */
  rememberView: (page: WebContents, viewId: string) => void;
  /** Names (or with null unnames) the wall window of `page`, for `POST /walls/{name}/show`. */
  nameWall: (page: WebContents, name: string | null) => void;
}

/** The settings page's view of the stored settings. */
export function desktopSettingsView(
  deps: Pick<DesktopChannelDeps, 'settings' | 'secretStorage' | 'apiUrl' | 'kiosk'>,
): DesktopSettings {
  const stored = deps.settings.get();
  return {
    janus_mode: stored.janus_mode,
    kiosk: {
      enabled: stored.kiosk_enabled,
      pin_set: stored.kiosk_pin_hash !== null,
      active: deps.kiosk.active(),
    },
    start_at_login: stored.start_at_login,
    secret_storage: deps.secretStorage,
    api_url: deps.apiUrl,
  };
}

/**
 * Applies a settings change: while kiosk is on only with the current PIN, then Janus first (it may fail), then the
 * stored fields, then start at login.
 */
export async function applyDesktopSettings(
  deps: DesktopChannelDeps,
  patch: DesktopSettingsPatch,
): Promise<DesktopSettings> {
  await assertSettingsChangeAllowed(deps.kiosk, patch);
  const before = deps.settings.get();
  if (patch.janus_mode !== undefined && patch.janus_mode !== before.janus_mode) {
    await deps.switchJanus(patch.janus_mode);
  }
  const next = deps.settings.update({
    ...(patch.janus_mode === undefined ? {} : { janus_mode: patch.janus_mode }),
    ...(patch.kiosk_enabled === undefined ? {} : { kiosk_enabled: patch.kiosk_enabled }),
    ...(patch.start_at_login === undefined ? {} : { start_at_login: patch.start_at_login }),
    ...(patch.kiosk_pin === undefined ? {} : { kiosk_pin_hash: await hashPin(patch.kiosk_pin) }),
  });
  if (next.start_at_login !== before.start_at_login || next.kiosk_enabled !== before.kiosk_enabled) {
    await deps.setStartAtLogin(next.start_at_login, next.kiosk_enabled);
  }
  return desktopSettingsView(deps);
}

/** Registers the DesktopApi channels. */
export function registerDesktopChannels(ipc: IpcRegistry, deps: DesktopChannelDeps): void {
  ipc.handle('desktop:settings', () => desktopSettingsView(deps));
  ipc.handle('desktop:update-settings', (patch) => applyDesktopSettings(deps, patch));
  ipc.handle('desktop:wall-view', (viewId, page) => {
    deps.rememberView(page, viewId);
  });
  ipc.handle('desktop:name-wall', (name, page) => {
    deps.nameWall(page, name);
  });
  ipc.handle('desktop:unlock-kiosk', async (pin) => {
    const result = await deps.kiosk.unlock(pin);
    if (!result.ok) throw pinRefusal(result);
  });
}
