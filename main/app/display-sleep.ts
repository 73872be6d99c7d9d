import type { PowerSaveBlocker } from 'electron';

/** Keeps the displays awake while it is wanted (walls shown or kiosk on); idempotent. */
export interface DisplaySleepGuard {
  /** Starts or stops preventing display sleep. */
  set(wanted: boolean): void;
  /** Whether display sleep is being prevented. */
  active(): boolean;
}

/** What `createDisplaySleepGuard` needs: Electron's `powerSaveBlocker`. */
export interface DisplaySleepDeps {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
}

/** Prevents display sleep (`prevent-display-sleep`) while `set(true)`, with one blocker at most. */
export function createDisplaySleepGuard({ powerSaveBlocker }: DisplaySleepDeps): DisplaySleepGuard {
  let id: number | undefined;
  const active = (): boolean => id !== undefined && powerSaveBlocker.isStarted(id);
  return {
    active,
    set: (wanted) => {
      if (wanted && !active()) id = powerSaveBlocker.start('prevent-display-sleep');
      if (!wanted && id !== undefined) {
        powerSaveBlocker.stop(id);
        id = undefined;
      }
    },
  };
}
