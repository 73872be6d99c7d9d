import { describe, expect, it } from 'vitest';

import {
  DEFAULT_RESTART_POLICY,
  planRestart,
  type RestartDecision,
} from '../../../main/gateway/restart-policy';

/** Feeds `uptimes` (ms per run) through planRestart the way the supervisor does. */
function run(uptimes: readonly number[]): RestartDecision[] {
  let fastFailures = 0;
  return uptimes.map((uptime) => {
    const decision = planRestart(fastFailures, uptime);
    fastFailures = decision.fastFailures;
    return decision;
  });
}

describe('planRestart', () => {
  it('restarts at once after a crash that followed a stable run', () => {
    expect(planRestart(0, 3_600_000)).toEqual({ action: 'restart', delayMs: 0, fastFailures: 0 });
    expect(planRestart(4, 30_000)).toEqual({ action: 'restart', delayMs: 0, fastFailures: 0 });
  });

  it('doubles the delay per fast failure in a row, capped, then gives up', () => {
    const decisions = run([100, 100, 0, 5_000, 29_999, 10]);
    expect(decisions.slice(0, 5).map((d) => (d.action === 'restart' ? d.delayMs : d.action))).toEqual([
      250, 500, 1_000, 2_000, 4_000,
    ]);
    expect(decisions[5]).toEqual({
      action: 'give-up',
      fastFailures: 6,
      reason: 'Janus failed 6 times in a row, each within 30 s of starting: giving up',
    });
  });

  it('starts counting over after a stable run', () => {
    const decisions = run([100, 100, 100, 100, 100, 60_000, 100]);
    expect(decisions.every((d) => d.action === 'restart')).toBe(true);
    expect(decisions.at(-1)).toEqual({ action: 'restart', delayMs: 250, fastFailures: 1 });
  });

  it('honours a custom policy', () => {
    const policy = {
      ...DEFAULT_RESTART_POLICY,
      initialDelayMs: 1_000,
      maxDelayMs: 3_000,
      maxFastFailures: 3,
    };
    expect(planRestart(0, 0, policy)).toMatchObject({ delayMs: 1_000 });
    expect(planRestart(1, 0, policy)).toMatchObject({ delayMs: 2_000 });
    expect(planRestart(2, 0, policy)).toMatchObject({ action: 'give-up' });
  });
});
