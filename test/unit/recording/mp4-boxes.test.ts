import { describe, expect, it } from 'vitest';

import { boxesIn, parseSegment, retimedFragment } from '../../../main/recording/mp4-boxes';
import { box, fragment, init, segmentBytes } from './fmp4-fixture';

describe('boxesIn', () => {
  it('lists boxes end to end and stops at one running past the end', () => {
    const data = Buffer.concat([box('ftyp', Buffer.alloc(8)), box('free', Buffer.alloc(4))]);
    expect(boxesIn(data).map((b) => [b.type, b.start, b.size])).toEqual([
      ['ftyp', 0, 16],
      ['free', 16, 12],
    ]);
    expect(boxesIn(data.subarray(0, 20)).map((b) => b.type)).toEqual(['ftyp']);
  });
});

describe('parseSegment', () => {
  it('reads the timescale, each fragment’s decode time and duration (trun durations)', () => {
    const parsed = parseSegment(segmentBytes(12_800, 2));
    expect(parsed?.timescale).toBe(12_800);
    expect(parsed?.fragments.map((f) => [f.decodeTime, f.duration])).toEqual([
      [0, 25_600],
      [25_600, 25_600],
    ]);
    expect(parsed?.completeEnd).toBe(segmentBytes(12_800, 2).length);
  });

  it('takes the trex default duration when the trun lists none', () => {
    const trun = Buffer.concat([init(90_000, 3_600), fragment(0, [3_600, 3_600])]);
    // Clear the trun's duration flag (0x100): its samples then take trex's 3600.
    const at = trun.indexOf('trun', 0, 'latin1');
    trun.writeUInt32BE(0x000001, at + 4);
    expect(parseSegment(trun)?.fragments[0]?.duration).toBe(7_200);
  });

  it('keeps only complete fragments of a torn file (a killed writer), and reads 32-bit decode times', () => {
    const whole = Buffer.concat([init(1_000), fragment(0, [40, 40], 0), fragment(80, [40, 40], 0)]);
    const torn = whole.subarray(0, whole.length - 10);
    const parsed = parseSegment(torn);
    expect(parsed?.fragments.map((f) => f.decodeTime)).toEqual([0]);
    expect(parsed?.completeEnd).toBeLessThan(torn.length);
    expect(parseSegment(whole)?.fragments.map((f) => f.decodeTime)).toEqual([0, 80]);
  });

  it('gives nothing for a file without ftyp and moov', () => {
    expect(parseSegment(Buffer.alloc(0))).toBeUndefined();
    expect(parseSegment(fragment(0, [1]))).toBeUndefined();
  });
});

describe('retimedFragment', () => {
  it('rewrites a copy’s decode time (64-bit and 32-bit tfdt) and leaves the source alone', () => {
    for (const version of [0, 1] as const) {
      const data = Buffer.concat([init(1_000), fragment(500, [40], version)]);
      const [first] = parseSegment(data)?.fragments ?? [];
      if (first === undefined) throw new Error('no fragment');
      const copy = retimedFragment(data, first, 123_456.4);
      const reparsed = parseSegment(Buffer.concat([init(1_000), copy]));
      expect(reparsed?.fragments[0]?.decodeTime).toBe(123_456);
      expect(parseSegment(data)?.fragments[0]?.decodeTime).toBe(500);
    }
  });
});
