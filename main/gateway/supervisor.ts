// Keeps one run of Janus going (a native process or a container): when a run ends on its own, emits `exited`,
// launches a new run after restart-policy.ts's delay and emits `restarted`, or emits `gave-up` on a crash
// loop. Launch failures count as fast failures.
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { JanusStartError } from './errors';
import type { GatewayEvent } from './gateway';
import { describeExit, whenJanusReady, type ExitStatus, type StartedProcess } from './janus-process';
import { waitForJanus, type JanusReadyTarget } from './janus-ready';
import { planRestart, type RestartPolicy } from './restart-policy';

/** One started Janus: how it ends, its last log lines, and how to stop it. */
export interface SupervisedRun {
  /** Resolves once the run has ended by itself or been stopped. */
  readonly ended: Promise<ExitStatus>;
  /** The `restarted` event that announces this run. */
  readonly restartedEvent: Extract<GatewayEvent, { type: 'restarted' }>;
  /** The last log lines (redacted). */
  tail(): string;
  /** Stops the run; resolves once it is gone. */
  stop(): Promise<void>;
}

/** A Janus that started but did not answer: how it ended and its last log lines (for `exited`, `gave-up`). */
export class JanusLaunchError extends JanusStartError {
  constructor(
    message: string,
    /** How the run ended (undefined: unknown). */
    readonly exit: ExitStatus | undefined,
    /** Its last log lines (redacted). */
    readonly tail: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Resolves with `run` once Janus answers at `target`; else stops it and throws JanusLaunchError naming `what`. */
export async function readyOrStopped<R extends SupervisedRun & StartedProcess>(
  run: R,
  what: string,
  target: JanusReadyTarget,
): Promise<R> {
  try {
    return await whenJanusReady(run, (signal) => waitForJanus(target, signal));
  } catch (error) {
    const tail = run.tail();
    const why = error instanceof Error ? error.message : String(error);
    throw new JanusLaunchError(
      `${what} did not start: ${why}` + (tail === '' ? '' : `; its last log lines:\n${tail}`),
      await run.ended,
      tail,
      { cause: error },
    );
  }
}

/** What the supervisor needs: how to launch a ready run, the policy, where to log and emit. */
export interface SupervisorOptions<R extends SupervisedRun> {
  /** Starts Janus and resolves once it answers; on failure it has cleaned up and throws. */
  launch: () => Promise<R>;
  policy: RestartPolicy;
  logger: Logger;
  emit: (event: GatewayEvent) => void;
}

/** Where the supervisor is. */
export type SupervisorState = 'idle' | 'starting' | 'running' | 'restarting' | 'gave-up' | 'stopped';

/** Supervises successive runs of Janus; `start` launches the first, `stop` ends the current one. */
export class Supervisor<R extends SupervisedRun> {
  readonly #options: SupervisorOptions<R>;
  #state: SupervisorState = 'idle';
  #run: R | undefined;
  #startedAt = 0;
  #fastFailures = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #restarting: Promise<void> | undefined;

  constructor(options: SupervisorOptions<R>) {
    this.#options = options;
  }

  /** The supervisor's state. */
  get state(): SupervisorState {
    return this.#state;
  }

  /** The current run, if one is up. */
  get run(): R | undefined {
    return this.#run;
  }

  /** Launches the first run; throws (and ends in `stopped`) if it does not come up. */
  async start(): Promise<void> {
    this.#state = 'starting';
    this.#fastFailures = 0;
    try {
      const run = await this.#options.launch();
      if (!this.#still('starting')) {
        await run.stop();
        throw new Error('stopped while starting');
      }
      this.#watch(run);
    } catch (error) {
      this.#state = 'stopped';
      throw error;
    }
  }

  /** Stops supervising and stops the current run (and a restart in flight); idempotent. */
  async stop(): Promise<void> {
    this.#state = 'stopped';
    clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    await this.#restarting;
    await this.#run?.stop();
    this.#run = undefined;
  }

  #watch(run: R): void {
    this.#run = run;
    this.#state = 'running';
    this.#startedAt = performance.now();
    runInBackground(
      run.ended.then((status) => {
        if (this.#run !== run || this.#state !== 'running') return;
        this.#failed(status, performance.now() - this.#startedAt, run.tail());
      }),
      (error: unknown) => {
        this.#options.logger.error({ err: error }, 'Janus exit handling failed');
      },
    );
  }

  #failed(status: ExitStatus | undefined, uptimeMs: number, tail: string): void {
    const { logger, emit } = this.#options;
    const decision = planRestart(this.#fastFailures, uptimeMs, this.#options.policy);
    this.#fastFailures = decision.fastFailures;
    const how = status === undefined ? 'did not come back' : `exited (${describeExit(status)})`;
    if (decision.action === 'give-up') {
      this.#state = 'gave-up';
      const reason = `${decision.reason}; last: ${how}${tail === '' ? '' : `; its last log lines:\n${tail}`}`;
      logger.error({ fastFailures: decision.fastFailures }, reason);
      emit({ type: 'gave-up', reason });
      return;
    }
    this.#state = 'restarting';
    logger.warn({ restartInMs: decision.delayMs, uptimeMs: Math.round(uptimeMs) }, `Janus ${how}`);
    if (status !== undefined) emit({ type: 'exited', ...status, restartInMs: decision.delayMs });
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      this.#restarting = this.#restart().finally(() => {
        this.#restarting = undefined;
      });
    }, decision.delayMs);
  }

  async #restart(): Promise<void> {
    if (this.#state !== 'restarting') return;
    try {
      const run = await this.#options.launch();
      if (!this.#still('restarting')) {
        await run.stop();
        return;
      }
      this.#watch(run);
      this.#options.emit(run.restartedEvent);
    } catch (error) {
      if (!this.#still('restarting')) return;
      this.#options.logger.warn({ err: error }, 'Janus restart failed');
      const failure = error instanceof JanusLaunchError ? error : undefined;
      this.#failed(failure?.exit, 0, failure?.tail ?? '');
    }
  }

  /** Re-reads the state after an await (a concurrent stop() may have changed it). */
  #still(state: SupervisorState): boolean {
    return this.#state === state;
  }
}
