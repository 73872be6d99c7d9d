import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import {
  applyDesktopSettings,
  desktopSettingsView,
  type DesktopChannelDeps,
} from '../../../main/app/desktop-channels';
import { openDesktopSettings } from '../../../main/store/desktop-settings';
import { createKiosk, type Kiosk, type UnlockResult } from '../../../main/runtime/desk/kiosk';
import { hashPin, verifyPin } from '../../../main/runtime/desk/pin-hash';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-desktop-channels-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function deps(overrides: Partial<DesktopChannelDeps> = {}): DesktopChannelDeps {
  const kiosk: Kiosk = {
    active: () => false,
    guard: vi.fn(),
    enter: () => true,
    unlock: (): Promise<UnlockResult> => Promise.resolve({ ok: true }),
    checkPin: (): Promise<UnlockResult> => Promise.resolve({ ok: true }),
  };
  return {
    settings: openDesktopSettings({ dataDir }),
    secretStorage: { backend: 'basic_text', protected: false, note: 'no OS secret store' },
    apiUrl: 'http://127.0.0.1:7100',
    kiosk,
    setStartAtLogin: vi.fn(() => Promise.resolve()),
    switchJanus: vi.fn(() => Promise.resolve()),
    rememberView: vi.fn(),
    nameWall: vi.fn(),
    ...overrides,
  };
}

describe('desktop settings over IPC', () => {
  it('shows the settings without the PIN, and says how passwords are protected', () => {
    const view = desktopSettingsView(deps());
    expect(view).toEqual({
      janus_mode: 'native',
      kiosk: { enabled: false, pin_set: false, active: false },
      start_at_login: false,
      secret_storage: { backend: 'basic_text', protected: false, note: 'no OS secret store' },
      api_url: 'http://127.0.0.1:7100',
    });
  });

  it('stores only a salted hash of a new PIN', async () => {
    const d = deps();
    const view = await applyDesktopSettings(d, { kiosk_pin: '2468' });
    expect(view.kiosk.pin_set).toBe(true);
    const stored = d.settings.get().kiosk_pin_hash;
    expect(JSON.stringify(stored)).not.toContain('2468');
    if (stored === null) throw new Error('no PIN stored');
    await expect(verifyPin('2468', stored)).resolves.toBe(true);
  });

  it('writes start at login with the kiosk flag when either changes', async () => {
    const d = deps();
    await applyDesktopSettings(d, { start_at_login: true, kiosk_enabled: true });
    expect(d.setStartAtLogin).toHaveBeenCalledExactlyOnceWith(true, true);
    await applyDesktopSettings(d, { janus_mode: 'container' });
    expect(d.setStartAtLogin).toHaveBeenCalledOnce();
  });

  it.each([
    [{ kiosk_pin: '1357' }],
    [{ kiosk_enabled: false }],
    [{ start_at_login: false }],
    [{ janus_mode: 'remote' as const }],
  ])('refuses %o on a kiosk wall without the current PIN, and changes nothing', async (patch) => {
    const pinHash = await hashPin('2468', { N: 1024, r: 8, p: 1 });
    const d = deps({
      kiosk: createKiosk({
        wanted: true,
        pinHash: () => pinHash,
        powerMonitor: new EventEmitter(),
        log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
      }),
    });
    d.settings.update({ kiosk_enabled: true, start_at_login: true, kiosk_pin_hash: pinHash });
    const before = d.settings.get();
    expect(desktopSettingsView(d).kiosk.active).toBe(true);
    await expect(applyDesktopSettings(d, patch)).rejects.toMatchObject({
      code: 'VIGIL_ERR_FORBIDDEN',
      field: 'current_pin',
    });
    await expect(applyDesktopSettings(d, { ...patch, current_pin: '1111' })).rejects.toMatchObject({
      code: 'VIGIL_ERR_FORBIDDEN',
      message: 'Wrong PIN.',
    });
    expect(d.settings.get()).toEqual(before);
    expect(d.switchJanus).not.toHaveBeenCalled();
    expect(d.setStartAtLogin).not.toHaveBeenCalled();
    // The new PIN does not unlock: the old one still does.
    await applyDesktopSettings(d, { ...patch, current_pin: '2468' });
    expect(d.settings.get()).not.toEqual(before);
  });

  it('switches Janus first and keeps the old mode when the switch fails', async () => {
    const failing = deps({
      switchJanus: vi.fn(() =>
        Promise.reject(new VigilError(ErrorCode.GatewayUnavailable, 'Docker is not running')),
      ),
    });
    await expect(
      applyDesktopSettings(failing, { janus_mode: 'container', start_at_login: true }),
    ).rejects.toThrow('Docker is not running');
    expect(failing.settings.get()).toMatchObject({ janus_mode: 'native', start_at_login: false });
    const working = deps();
    await applyDesktopSettings(working, { janus_mode: 'remote' });
    expect(working.switchJanus).toHaveBeenCalledExactlyOnceWith('remote');
    expect(working.settings.get().janus_mode).toBe('remote');
  });
});
