// Kiosk mode for the desk's windows: full screen, no keyboard way out, no closing, until the right PIN (wrong
// ones slow the next tries down). Written against the few window methods and events it uses (Electron's
// BrowserWindow fits), so main/app only hands it the real windows.
import type { Logger } from 'pino';

import type { On, Preventable } from './events';
import { isKioskEscape, isUnlockChord, type KeyInput } from './kiosk-keys';
import { verifyPin, type PinHash } from './pin-hash';
import { UnlockThrottle } from './unlock-backoff';

/** The part of a window the kiosk guards (an Electron `BrowserWindow` fits). */
export type KioskWindow = {
  setKiosk(flag: boolean): void;
  isDestroyed(): boolean;
} & On<'close', (event: Preventable) => void> &
  On<'closed', () => void> &
  On<'session-end', (event: unknown) => void> & {
    webContents: On<'before-input-event', (event: Preventable, input: KeyInput) => void>;
  };

/** What `createKiosk` needs. */
export interface KioskDeps {
  /** Whether kiosk is wanted at start (`--kiosk` or the setting). */
  wanted: boolean;
  /** The stored PIN hash; kiosk never starts without one (there would be no way out). */
  pinHash: () => PinHash | undefined;
  /** Tells the kiosk the OS is shutting down, so windows may close (Linux, macOS; Windows uses `session-end`). */
  powerMonitor: On<'shutdown', () => void>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The unlock chord (Ctrl+Alt+Shift+U) was pressed in `window`: show the PIN prompt. */
  onUnlockRequested?: (window: KioskWindow) => void;
  /** Kiosk was entered or left. */
  onChange?: (active: boolean) => void;
  throttle?: UnlockThrottle;
}

/** The answer to a PIN: unlocked, or why not and how long until the next try is allowed. */
export type UnlockResult =
  { ok: true } | { ok: false; reason: 'wrong-pin' | 'throttled' | 'not-in-kiosk'; retryAfterMs: number };

/** Kiosk mode: guarded windows cannot be left by keyboard or closed until the right PIN is given. */
export interface Kiosk {
  /** Whether kiosk is on. */
  active(): boolean;
  /** Guards `window`: blocks escape keys and `close` while kiosk is on. */
  guard(window: KioskWindow): void;
  /** Turns kiosk on (every guarded window full screen); false if no PIN is set. */
  enter(): boolean;
  /** Leaves kiosk if `pin` is right; wrong PINs slow the next attempts down. */
  unlock(pin: string): Promise<UnlockResult>;
  /** Checks `pin` while kiosk stays on (a settings change); wrong PINs count toward the same backoff. */
  checkPin(pin: string): Promise<UnlockResult>;
}

/** Creates the kiosk; it starts on if `wanted` and a PIN is set (without a PIN it refuses and logs why). */
export function createKiosk(deps: KioskDeps): Kiosk {
  const throttle = deps.throttle ?? new UnlockThrottle();
  const windows = new Set<KioskWindow>();
  let active = false;
  let shuttingDown = false;
  let checking = false;

  const apply = (on: boolean): void => {
    active = on;
    for (const window of windows) if (!window.isDestroyed()) window.setKiosk(on);
    deps.log.info({ kiosk: on }, on ? 'kiosk on' : 'kiosk off');
    deps.onChange?.(on);
  };

  const enter = (): boolean => {
    if (deps.pinHash() === undefined) {
      deps.log.error('kiosk refused: no kiosk PIN is set, so there would be no way out; set one in settings');
      return false;
    }
    if (!active) apply(true);
    return true;
  };

  deps.powerMonitor.on('shutdown', () => {
    shuttingDown = true;
  });

  if (deps.wanted) enter();

  return {
    active: () => active,
    enter,
    guard: (window) => {
      windows.add(window);
      window.on('closed', () => windows.delete(window));
      window.on('session-end', () => {
        shuttingDown = true;
      });
      window.webContents.on('before-input-event', (event, input) => {
        if (!active) return;
        if (isUnlockChord(input)) {
          event.preventDefault();
          if (input.type === 'keyDown') deps.onUnlockRequested?.(window);
        } else if (isKioskEscape(input)) {
          event.preventDefault();
        }
      });
      window.on('close', (event) => {
        if (!active || shuttingDown) return;
        event.preventDefault();
        deps.log.warn('kiosk: window close blocked (unlock with the PIN first)');
      });
    },
    unlock: async (pin) => {
      const result = await check(pin);
      if (result.ok) apply(false);
      return result;
    },
    checkPin: check,
  };

  /** One PIN check while kiosk is on, through the backoff. */
  async function check(pin: string): Promise<UnlockResult> {
    if (!active) return { ok: false, reason: 'not-in-kiosk', retryAfterMs: 0 };
    const stored = deps.pinHash();
    const wait = throttle.waitMs();
    // One check at a time: parallel guesses must not slip past the backoff while scrypt runs.
    if (checking || wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: Math.max(wait, 1_000) };
    checking = true;
    try {
      if (stored !== undefined && (await verifyPin(pin, stored))) {
        throttle.succeeded();
        return { ok: true };
      }
    } finally {
      checking = false;
    }
    const retryAfterMs = throttle.failed();
    deps.log.warn({ retryAfterMs }, 'kiosk: wrong PIN');
    return { ok: false, reason: 'wrong-pin', retryAfterMs };
  }
}
