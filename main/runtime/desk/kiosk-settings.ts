// Which desktop settings a kiosk wall may change, and the words for a refused PIN. While kiosk is on, a settings
// change that could weaken the desk needs the kiosk PIN now (`current_pin`), checked through the same backoff as
// the unlock prompt: otherwise anyone at the wall could set a new PIN and leave with it.
import type { DesktopSettingsPatch } from '../../../common/desktop';
import { ErrorCode, VigilError } from '../../../common/errors';
import type { Kiosk, UnlockResult } from './kiosk';

/** A setting the settings page changes (every patch field but the PIN that authorizes it). */
export type DesktopSettingName = Exclude<keyof DesktopSettingsPatch, 'current_pin'>;

/**
 * Every setting, and why a change to it weakens a kiosk desk (so it needs the current PIN while kiosk is on), or
 * null for one a kiosk wall may change freely. A new setting must be decided here: the type lists every one.
 */
export const KIOSK_GUARDED_SETTINGS: Readonly<Record<DesktopSettingName, string | null>> = {
  kiosk_pin: 'a new PIN would unlock the kiosk at once',
  kiosk_enabled: 'turned off, kiosk would not come back at the next start',
  start_at_login: 'turned off, the desk would not come back after a restart of the machine',
  janus_mode: 'another Janus moves every camera, and a remote one can leave the wall dark',
};

/** The settings in `patch` a kiosk wall may change only with the current PIN. */
export function guardedSettings(patch: DesktopSettingsPatch): DesktopSettingName[] {
  return (Object.keys(KIOSK_GUARDED_SETTINGS) as DesktopSettingName[]).filter(
    (name) => patch[name] !== undefined && KIOSK_GUARDED_SETTINGS[name] !== null,
  );
}

/** A refused PIN as the error the desktop's IPC answers: why, and when to try again. */
export function pinRefusal(result: Exclude<UnlockResult, { ok: true }>, field?: string): VigilError {
  const wait = Math.ceil(result.retryAfterMs / 1000);
  const why = {
    'wrong-pin': 'Wrong PIN.',
    throttled: 'Too many wrong PINs.',
    'not-in-kiosk': 'Kiosk mode is not on.',
  }[result.reason];
  return new VigilError(ErrorCode.Forbidden, wait > 0 ? `${why} Try again in ${wait} s.` : why, field);
}

/**
 * Resolves when `patch` may be applied: kiosk is off, it changes nothing guarded, or `current_pin` is the kiosk PIN
 * (a wrong one counts toward the unlock backoff). Else throws VIGIL_ERR_FORBIDDEN on field `current_pin`.
 */
export async function assertSettingsChangeAllowed(kiosk: Kiosk, patch: DesktopSettingsPatch): Promise<void> {
  if (!kiosk.active()) return;
  const guarded = guardedSettings(patch);
  if (guarded.length === 0) return;
  if (patch.current_pin === undefined) {
    throw new VigilError(
      ErrorCode.Forbidden,
      `Kiosk mode is on: changing ${guarded.join(', ')} needs the current kiosk PIN (current_pin)`,
      'current_pin',
    );
  }
  const result = await kiosk.checkPin(patch.current_pin);
  // Kiosk left meanwhile (another window unlocked it): the change no longer needs a PIN.
  if (result.ok || result.reason === 'not-in-kiosk') return;
  throw pinRefusal(result, 'current_pin');
}
