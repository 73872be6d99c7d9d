import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { GatewayEvent } from '../../../main/gateway/gateway';
import type { ExitStatus } from '../../../main/gateway/janus-process';
import { Supervisor, type SupervisedRun } from '../../../main/gateway/supervisor';

/** A run whose end the test decides. */
class FakeRun implements SupervisedRun {
  readonly ended: Promise<ExitStatus>;
  readonly restartedEvent;
  stopped = false;
  #end: (status: ExitStatus) => void = () => undefined;

  constructor(readonly pid: number) {
    this.ended = new Promise((resolve) => {
      this.#end = resolve;
    });
    this.restartedEvent = { type: 'restarted' as const, pid };
  }

  crash(): void {
    this.#end({ code: null, signal: 'SIGKILL' });
  }

  tail(): string {
    return `last line of ${this.pid}`;
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.#end({ code: 0, signal: null });
    return Promise.resolve();
  }
}

const policy = { initialDelayMs: 100, maxDelayMs: 1_000, stableAfterMs: 10_000, maxFastFailures: 3 };

describe('Supervisor', () => {
  let runs: FakeRun[];
  let failLaunches: number;
  let events: GatewayEvent[];
  let supervisor: Supervisor<FakeRun>;

  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
    failLaunches = 0;
    events = [];
    supervisor = new Supervisor<FakeRun>({
      launch: () => {
        if (failLaunches > 0) {
          failLaunches--;
          return Promise.reject(new Error('no'));
        }
        const run = new FakeRun(runs.length + 1);
        runs.push(run);
        return Promise.resolve(run);
      },
      policy,
      logger: pino({ level: 'silent' }),
      emit: (event) => events.push(event),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restarts a run that ended by itself after the policy delay', async () => {
    await supervisor.start();
    runs[0]?.crash();
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.state).toBe('restarting');
    expect(events).toEqual([{ type: 'exited', code: null, signal: 'SIGKILL', restartInMs: 100 }]);
    await vi.advanceTimersByTimeAsync(100);
    expect(supervisor.state).toBe('running');
    expect(supervisor.run?.pid).toBe(2);
    expect(events.at(-1)).toEqual({ type: 'restarted', pid: 2 });
  });

  it('gives up after the policy allows no more fast failures, with the last log lines', async () => {
    await supervisor.start();
    runs[0]?.crash();
    failLaunches = 10;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(supervisor.state).toBe('gave-up');
    const gaveUp = events.at(-1);
    expect(gaveUp).toMatchObject({ type: 'gave-up' });
    expect(events.filter((e) => e.type === 'exited')).toHaveLength(1);
  });

  it('stop() stops the current run and no restart follows', async () => {
    await supervisor.start();
    await supervisor.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs[0]?.stopped).toBe(true);
    expect(runs).toHaveLength(1);
    expect(events).toEqual([]);
    expect(supervisor.state).toBe('stopped');
  });

  it('stop() during a restart delay cancels the restart', async () => {
    await supervisor.start();
    runs[0]?.crash();
    await vi.advanceTimersByTimeAsync(0);
    await supervisor.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(1);
  });

  it('a failed first launch ends in stopped and rethrows', async () => {
    failLaunches = 1;
    await expect(supervisor.start()).rejects.toThrow('no');
    expect(supervisor.state).toBe('stopped');
  });
});
