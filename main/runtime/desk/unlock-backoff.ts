// How wrong kiosk PINs slow the next try down, and how that survives a restart: the count and the time of the next
// allowed try are kept in desktop.json, so restarting the app (or the machine) does not reset the backoff.
import type { Logger } from 'pino';

import { backoffDelay } from '../../../common/backoff';
import type { DesktopSettingsStore } from '../../store/desktop-settings';

/** How wrong PINs slow the next attempt: a few free tries, then doubling waits up to a ceiling. */
export interface BackoffPolicy {
  freeAttempts: number;
  baseMs: number;
  maxMs: number;
}

/** Three free tries, then 5 s, 10 s, 20 s … up to 5 minutes. */
export const UNLOCK_BACKOFF: BackoffPolicy = { freeAttempts: 3, baseMs: 5_000, maxMs: 300_000 };

/** How long to wait after the `failures`-th wrong PIN in a row. */
export function backoffAfter(failures: number, policy: BackoffPolicy = UNLOCK_BACKOFF): number {
  if (failures < policy.freeAttempts) return 0;
  return backoffDelay(failures - policy.freeAttempts, {
    initialDelayMs: policy.baseMs,
    maxDelayMs: policy.maxMs,
  });
}

/** Wrong PINs in a row, and when (ms since the epoch) the next attempt is allowed. */
export interface ThrottleState {
  failures: number;
  notBefore: number;
}

/** Where the throttle keeps its state between runs. */
export interface ThrottleMemory {
  /** The state saved last, or undefined (none, or not a state). */
  load(): ThrottleState | undefined;
  /** Saves the state; a failure is the memory's to report, never the unlock's. */
  save(state: ThrottleState): void;
}

/** Counts wrong PINs and says when the next attempt is allowed; a right PIN resets it. */
export class UnlockThrottle {
  #failures: number;
  #notBefore: number;

  constructor(
    private readonly policy: BackoffPolicy = UNLOCK_BACKOFF,
    private readonly now: () => number = Date.now,
    private readonly memory?: ThrottleMemory,
  ) {
    const saved = memory?.load();
    this.#failures = saved?.failures ?? 0;
    this.#notBefore = saved?.notBefore ?? 0;
  }

  /** Milliseconds until an attempt is allowed (0: now); never more than the policy's ceiling (a clock set back). */
  waitMs(): number {
    return Math.min(this.policy.maxMs, Math.max(0, this.#notBefore - this.now()));
  }

  /** Records a wrong PIN; returns the wait before the next attempt. */
  failed(): number {
    this.#failures++;
    const wait = backoffAfter(this.#failures, this.policy);
    this.#notBefore = this.now() + wait;
    this.#save();
    return wait;
  }

  /** Records a right PIN. */
  succeeded(): void {
    if (this.#failures === 0 && this.#notBefore === 0) return;
    this.#failures = 0;
    this.#notBefore = 0;
    this.#save();
  }

  #save(): void {
    this.memory?.save({ failures: this.#failures, notBefore: this.#notBefore });
  }
}

/** Whether `value` is a saved throttle state. */
function isThrottleState(value: unknown): value is ThrottleState {
  if (typeof value !== 'object' || value === null) return false;
  const { failures, notBefore } = value as Partial<Record<keyof ThrottleState, unknown>>;
  return Number.isSafeInteger(failures) && (failures as number) >= 0 && Number.isFinite(notBefore);
}

/** The throttle's memory in desktop.json; a write the disk refuses is logged once and the backoff goes on in memory. */
export function settingsThrottleMemory(
  settings: Pick<DesktopSettingsStore, 'unlockBackoff' | 'setUnlockBackoff'>,
  log: Pick<Logger, 'warn'>,
): ThrottleMemory {
  let failing = false;
  return {
    load: () => {
      const saved = settings.unlockBackoff();
      return isThrottleState(saved) ? saved : undefined;
    },
    save: (state) => {
      try {
        settings.setUnlockBackoff(state);
        failing = false;
      } catch (error) {
        if (!failing)
          log.warn({ err: error }, 'the kiosk PIN backoff could not be saved; it holds until a restart');
        failing = true;
      }
    },
  };
}
