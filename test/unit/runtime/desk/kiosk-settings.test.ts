import { EventEmitter } from 'node:events';

import { beforeAll, describe, expect, it } from 'vitest';

import type { DesktopSettingsPatch } from '../../../../common/desktop';
import { VigilError } from '../../../../common/errors';
import { createKiosk, type Kiosk } from '../../../../main/runtime/desk/kiosk';
import {
  assertSettingsChangeAllowed,
  guardedSettings,
  KIOSK_GUARDED_SETTINGS,
  pinRefusal,
} from '../../../../main/runtime/desk/kiosk-settings';
import { hashPin, type PinHash } from '../../../../main/runtime/desk/pin-hash';
import { UNLOCK_BACKOFF, UnlockThrottle } from '../../../../main/runtime/desk/unlock-backoff';
import { fakeLogger } from './fakes';

const PIN = '482916';
let pinHash: PinHash;
beforeAll(async () => {
  pinHash = await hashPin(PIN, { N: 1024, r: 8, p: 1 });
});

function kiosk(wanted = true, now = () => 0): Kiosk {
  return createKiosk({
    wanted,
    pinHash: () => pinHash,
    powerMonitor: new EventEmitter(),
    log: fakeLogger(),
    throttle: new UnlockThrottle(UNLOCK_BACKOFF, now),
  });
}

async function refusal(k: Kiosk, patch: DesktopSettingsPatch): Promise<VigilError | undefined> {
  try {
    await assertSettingsChangeAllowed(k, patch);
    return undefined;
  } catch (error) {
    if (error instanceof VigilError) return error;
    throw error;
  }
}

describe('KIOSK_GUARDED_SETTINGS', () => {
  it('guards every setting that weakens a kiosk desk: the PIN, kiosk itself, start at login, the Janus source', () => {
    expect(
      Object.entries(KIOSK_GUARDED_SETTINGS)
        .filter(([, why]) => why !== null)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['janus_mode', 'kiosk_enabled', 'kiosk_pin', 'start_at_login']);
  });

  it.each<[DesktopSettingsPatch, string[]]>([
    [{ kiosk_pin: '1234' }, ['kiosk_pin']],
    [{ kiosk_enabled: false }, ['kiosk_enabled']],
    [{ start_at_login: false, current_pin: PIN }, ['start_at_login']],
    [{ janus_mode: 'remote', kiosk_enabled: true }, ['kiosk_enabled', 'janus_mode']],
    [{ current_pin: PIN }, []],
  ])('%o changes %o', (patch, names) => {
    expect(guardedSettings(patch).sort()).toEqual(names.sort());
  });
});

describe('assertSettingsChangeAllowed', () => {
  it.each<DesktopSettingsPatch>([
    { kiosk_pin: '1234' },
    { kiosk_enabled: false },
    { start_at_login: false },
    { janus_mode: 'remote' },
  ])('refuses %o while kiosk is on without the current PIN, naming current_pin', async (patch) => {
    const error = await refusal(kiosk(), patch);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_FORBIDDEN', field: 'current_pin' });
    expect(error?.message).toContain('needs the current kiosk PIN');
  });

  it('allows any change when kiosk is off, and a change with the right PIN when it is on', async () => {
    expect(await refusal(kiosk(false), { kiosk_pin: '1234' })).toBeUndefined();
    const on = kiosk();
    expect(await refusal(on, { kiosk_pin: '1234', current_pin: PIN })).toBeUndefined();
    expect(on.active()).toBe(true);
  });

  it('counts a wrong current PIN toward the unlock backoff, so guesses here slow the prompt too', async () => {
    let now = 0;
    const on = kiosk(true, () => now);
    for (const wait of [undefined, undefined, 'Try again in 5 s.']) {
      const error = await refusal(on, { kiosk_pin: '1234', current_pin: '0000' });
      expect(error).toMatchObject({ code: 'VIGIL_ERR_FORBIDDEN', field: 'current_pin' });
      expect(error?.message).toBe(wait === undefined ? 'Wrong PIN.' : `Wrong PIN. ${wait}`);
    }
    // Even the right PIN waits now, here and at the unlock prompt.
    expect((await refusal(on, { kiosk_pin: '1234', current_pin: PIN }))?.message).toMatch(
      /^Too many wrong PINs/,
    );
    await expect(on.unlock(PIN)).resolves.toMatchObject({ ok: false, reason: 'throttled' });
    now = 5_000;
    expect(await refusal(on, { kiosk_pin: '1234', current_pin: PIN })).toBeUndefined();
  });
});

describe('pinRefusal', () => {
  it.each([
    [{ ok: false, reason: 'wrong-pin', retryAfterMs: 0 } as const, 'Wrong PIN.'],
    [{ ok: false, reason: 'wrong-pin', retryAfterMs: 4_001 } as const, 'Wrong PIN. Try again in 5 s.'],
    [
      { ok: false, reason: 'throttled', retryAfterMs: 1_000 } as const,
      'Too many wrong PINs. Try again in 1 s.',
    ],
    [{ ok: false, reason: 'not-in-kiosk', retryAfterMs: 0 } as const, 'Kiosk mode is not on.'],
  ])('%o → %s', (result, message) => {
    expect(pinRefusal(result)).toMatchObject({ code: 'VIGIL_ERR_FORBIDDEN', message });
  });
});
