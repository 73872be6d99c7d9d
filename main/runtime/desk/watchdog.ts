// The desk's watchdog: a wall whose renderer crashed, or hung past a grace period, is reloaded — within a
// budget, after which it shows why instead of reloading forever. Written against the few window methods and
// events it uses (Electron's BrowserWindow fits).
import type { Logger } from 'pino';

import type { On } from './events';

/** How many reloads the watchdog may make per window within a sliding period before it gives up. */
export interface ReloadBudget {
  reloads: number;
  periodMs: number;
}

/** Three reloads in ten minutes; a fourth crash in that time means reloading is not helping. */
export const WATCHDOG_BUDGET: ReloadBudget = { reloads: 3, periodMs: 10 * 60_000 };

/** Whether another reload fits the budget, given the times of earlier reloads. */
export function reloadAllowed(history: readonly number[], now: number, budget: ReloadBudget): boolean {
  return history.filter((at) => now - at < budget.periodMs).length < budget.reloads;
}

/** Why a page's renderer went away (Electron's `RenderProcessGoneDetails` fits). */
export interface RendererGone {
  reason: string;
  exitCode: number;
}

/** The part of a window the watchdog watches (an Electron `BrowserWindow` fits). */
export type WatchedWindow = { isDestroyed(): boolean } & On<'unresponsive', () => void> &
  On<'responsive', () => void> &
  On<'closed', () => void> & {
    webContents: { reload(): void; forcefullyCrashRenderer(): void } & On<
      'render-process-gone',
      (event: unknown, details: RendererGone) => void
    >;
  };

/** Why the watchdog gave up on a window: the last reason and how many reloads it already made. */
export interface WatchdogFailure {
  reason: string;
  reloads: number;
}

/** What `createWatchdog` needs. */
export interface WatchdogDeps {
  log: Pick<Logger, 'warn' | 'error'>;
  /** Shows an error page in `window` once reloads stopped helping (e.g. the app's crashed.html). */
  showFailure: (window: WatchedWindow, failure: WatchdogFailure) => void;
  budget?: ReloadBudget;
  /** How long a hung page may take to answer again before its renderer is killed and reloaded. */
  hangGraceMs?: number;
}

/** Watches windows: a renderer that crashed, or hung past the grace period, is reloaded, within a budget. */
export interface Watchdog {
  watch(window: WatchedWindow, name: string): void;
}

/** Creates the watchdog; every crash, hang and reload is logged with its reason and exit code. */
export function createWatchdog(deps: WatchdogDeps): Watchdog {
  const budget = deps.budget ?? WATCHDOG_BUDGET;
  const hangGraceMs = deps.hangGraceMs ?? 10_000;

  return {
    watch: (window, name) => {
      const history: number[] = [];
      let hangTimer: ReturnType<typeof setTimeout> | undefined;
      let killedForHang = false;
      let gaveUp = false;

      const recover = (reason: string, exitCode?: number): void => {
        if (window.isDestroyed() || gaveUp) return;
        const now = Date.now();
        if (!reloadAllowed(history, now, budget)) {
          gaveUp = true;
          deps.log.error(
            { window: name, reason, exitCode, reloads: history.length, budget },
            'watchdog: renderer keeps failing; reload budget spent, showing the error page',
          );
          deps.showFailure(window, { reason, reloads: history.length });
          return;
        }
        history.push(now);
        deps.log.warn(
          { window: name, reason, exitCode, reload: history.length },
          'watchdog: reloading window',
        );
        window.webContents.reload();
      };

      window.webContents.on('render-process-gone', (_event, details: RendererGone) => {
        clearTimeout(hangTimer);
        hangTimer = undefined;
        const reason = killedForHang ? 'unresponsive' : details.reason;
        killedForHang = false;
        deps.log.warn({ window: name, reason: details.reason, exitCode: details.exitCode }, 'renderer gone');
        recover(reason, details.exitCode);
      });
      window.on('unresponsive', () => {
        if (hangTimer !== undefined) return;
        deps.log.warn({ window: name, graceMs: hangGraceMs }, 'watchdog: window unresponsive');
        hangTimer = setTimeout(() => {
          hangTimer = undefined;
          if (window.isDestroyed()) return;
          // Electron's advice for a hung page: kill its renderer, then reload (from render-process-gone above).
          killedForHang = true;
          window.webContents.forcefullyCrashRenderer();
        }, hangGraceMs);
      });
      window.on('responsive', () => {
        if (hangTimer === undefined) return;
        clearTimeout(hangTimer);
        hangTimer = undefined;
        deps.log.warn({ window: name }, 'watchdog: window answered again; no reload');
      });
      window.on('closed', () => {
        clearTimeout(hangTimer);
      });
    },
  };
}
