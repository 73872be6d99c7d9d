import { describe, expect, it } from 'vitest';

import {
  clockAt,
  correction,
  seekClock,
  setHeld,
  setPaused,
  setRate,
  startClock,
  stepClock,
} from '../../../../renderer/playback/clock';

const W = 1_000_000;

describe('the playback clock', () => {
  it('advances at its rate while it runs', () => {
    let clock = startClock(W, 0);
    expect(clockAt(clock, 1000)).toBe(W + 1000);
    clock = setRate(clock, 4, 1000);
    expect(clockAt(clock, 1500)).toBe(W + 3000);
  });

  it('stands still while paused by the operator or held by the group, and goes on from there', () => {
    let clock = setPaused(startClock(W, 0), true, 500);
    expect(clockAt(clock, 5000)).toBe(W + 500);
    clock = setPaused(clock, false, 5000);
    clock = setHeld(clock, true, 6000);
    expect(clockAt(clock, 9000)).toBe(W + 1500);
    clock = setHeld(clock, false, 9000);
    expect(clockAt(clock, 10_000)).toBe(W + 2500);
  });

  it('starts paused when asked, seeks keeping its state, and a frame step pauses', () => {
    const paused = startClock(W, 0, true);
    expect(clockAt(paused, 1000)).toBe(W);
    const moved = seekClock(startClock(W, 0), W + 60_000, 100);
    expect(clockAt(moved, 200)).toBe(W + 60_100);
    const stepped = stepClock(startClock(W, 0), 40, 1000);
    expect(stepped.paused).toBe(true);
    expect(clockAt(stepped, 3000)).toBe(W + 1040);
    expect(clockAt(stepClock(stepped, -40, 3000), 4000)).toBe(W + 1000);
  });
});

describe('correction', () => {
  it('seeks a playing tile that is far off, more tolerant at high speed', () => {
    expect(correction(10, 9, 1, true)).toEqual({ kind: 'seek', to: 10 });
    expect(correction(10, 9.6, 1, true)).toEqual({ kind: 'rate', rate: 1.1 });
    expect(correction(10, 9.4, 8, true)).toEqual({ kind: 'rate', rate: 8.8 });
    expect(correction(10, 7, 8, true)).toEqual({ kind: 'seek', to: 10 });
  });

  it('nudges a playing tile that is a little off, and leaves one on time alone', () => {
    expect(correction(10, 10.1, 2, true)).toEqual({ kind: 'rate', rate: expect.closeTo(1.9, 9) as number });
    expect(correction(10, 10.01, 2, true)).toEqual({ kind: 'rate', rate: 2 });
  });

  it('puts a paused tile on the exact frame', () => {
    expect(correction(10, 10.04, 1, false)).toEqual({ kind: 'seek', to: 10 });
    expect(correction(10, 10.01, 1, false)).toEqual({ kind: 'rate', rate: 1 });
  });
});
