import { describe, expect, it } from 'vitest';

import {
  bars,
  clockText,
  fractionOf,
  instantAt,
  mediaAt,
  parseTypedTime,
  place,
  ticks,
  timelineWindow,
  wallAt,
} from '../../../../renderer/playback/timeline';

const T = Date.parse('2030-01-01T12:00:00Z');

describe('media time ↔ wall clock', () => {
  it('maps both ways through the stream start', () => {
    expect(wallAt(T, 12.5)).toBe(T + 12_500);
    expect(mediaAt(T, T + 12_500)).toBe(12.5);
    expect(mediaAt(T, wallAt(T, 3.04))).toBeCloseTo(3.04, 9);
  });
});

describe('place', () => {
  const ranges = [
    { start: 0, end: 10 },
    { start: 40, end: 60 },
  ];
  it.each([
    [5, { kind: 'inside', end: 10 }],
    [0.02, { kind: 'inside', end: 10 }],
    [10.5, { kind: 'gap', next: 40 }],
    [25, { kind: 'gap', next: 40 }],
    [45, { kind: 'inside', end: 60 }],
    [61, { kind: 'ahead', end: 60 }],
  ])('%s s', (t, expected) => {
    expect(place(ranges, t)).toEqual(expected);
  });

  it('says before the first range, and ahead when nothing is buffered', () => {
    expect(place([{ start: 3, end: 9 }], 1)).toEqual({ kind: 'before', start: 3 });
    expect(place([], 4)).toEqual({ kind: 'ahead', end: undefined });
  });

  it('counts an instant a hair before a range as in it (browsers start ranges after the first timestamp)', () => {
    expect(place([{ start: 2.01, end: 9 }], 2)).toEqual({ kind: 'inside', end: 9 });
  });
});

describe('the timeline strip', () => {
  it('ends at now while the playhead is near it, else centres on the playhead', () => {
    expect(timelineWindow(T - 30_000, T, 300_000)).toEqual({ start: T - 300_000, end: T });
    expect(timelineWindow(T - 3_600_000, T, 300_000)).toEqual({
      start: T - 3_750_000,
      end: T - 3_450_000,
    });
  });

  it('converts between instants and fractions, clamped to the window', () => {
    const window = { start: T, end: T + 100_000 };
    expect(fractionOf(T + 25_000, window)).toBe(0.25);
    expect(fractionOf(T - 1, window)).toBe(0);
    expect(fractionOf(T + 200_000, window)).toBe(1);
    expect(instantAt(0.5, window)).toBe(T + 50_000);
    expect(instantAt(1.5, window)).toBe(T + 100_000);
  });

  it('draws the parts of spans inside the window', () => {
    const window = { start: T, end: T + 100_000 };
    const spans = [
      { start: T - 50_000, end: T + 10_000 },
      { start: T + 50_000, end: T + 60_000 },
      { start: T + 200_000, end: T + 300_000 },
    ];
    expect(bars(spans, window)).toEqual([
      { left: 0, width: 0.1 },
      { left: 0.5, width: expect.closeTo(0.1, 9) as number },
    ]);
  });

  it('puts round ticks inside the window', () => {
    const window = { start: T + 5_000, end: T + 305_000 };
    const marks = ticks(window);
    expect(marks[0]).toBe(T + 60_000);
    expect(marks.every((t) => t % 60_000 === 0 && t >= window.start && t <= window.end)).toBe(true);
    expect(marks.length).toBeLessThanOrEqual(6);
  });
});

describe('parseTypedTime', () => {
  const now = new Date(2030, 0, 1, 14, 5, 0).getTime();
  it('reads times back from now', () => {
    expect(parseTypedTime('-30s', now)).toEqual({ ms: now - 30_000 });
    expect(parseTypedTime('2m', now)).toEqual({ ms: now - 120_000 });
    expect(parseTypedTime('-1h', now)).toEqual({ ms: now - 3_600_000 });
  });

  it('reads a time of day as today, or yesterday when it is still to come', () => {
    expect(parseTypedTime('14:02:11', now)).toEqual({ ms: new Date(2030, 0, 1, 14, 2, 11).getTime() });
    expect(parseTypedTime('9:30', now)).toEqual({ ms: new Date(2030, 0, 1, 9, 30, 0).getTime() });
    expect(parseTypedTime('23:00', now)).toEqual({ ms: new Date(2029, 11, 31, 23, 0, 0).getTime() });
  });

  it('reads ISO dates and refuses anything else, saying what it takes', () => {
    expect(parseTypedTime('2030-01-01T10:00:00Z', now)).toEqual({ ms: Date.parse('2030-01-01T10:00:00Z') });
    expect(parseTypedTime('25:00', now)).toEqual({ error: '25:00 is not a time of day' });
    expect(parseTypedTime('yesterday', now)).toEqual({
      error: expect.stringContaining('14:02:11') as string,
    });
  });

  it('formats the badge time as HH:MM:SS', () => {
    expect(clockText(new Date(2030, 0, 1, 4, 2, 9).getTime())).toBe('04:02:09');
  });
});
