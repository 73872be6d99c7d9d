import { describe, expect, it } from 'vitest';

import type { SegmentFile } from '../../../main/recording/segment-files';
import { SegmentIndex, isoSpans } from '../../../main/recording/segment-index';

/** Segments [start, end) in seconds. */
function segments(...ranges: [number, number][]): SegmentFile[] {
  return ranges.map(([start, end]) => ({
    path: `/r/${start}.mp4`,
    startMs: start * 1000,
    endMs: end * 1000,
    bytes: 100,
  }));
}

function indexOf(...ranges: [number, number][]): SegmentIndex {
  const index = new SegmentIndex();
  index.load('cam', segments(...ranges).reverse());
  return index;
}

const s = (seconds: number): number => seconds * 1000;

describe('SegmentIndex.timeline', () => {
  it.each([
    [
      'contiguous segments are one span',
      [
        [0, 4],
        [4, 8],
        [8, 12],
      ],
      [0, 12],
      [[0, 12]],
      [],
    ],
    [
      'a gap splits spans and is reported',
      [
        [0, 4],
        [6, 10],
      ],
      [0, 10],
      [
        [0, 4],
        [6, 10],
      ],
      [[4, 6]],
    ],
    [
      'the range clips spans; uncovered ends are gaps',
      [
        [2, 4],
        [4, 8],
      ],
      [0, 10],
      [[2, 8]],
      [
        [0, 2],
        [8, 10],
      ],
    ],
    [
      'a tiny rounding gap (≤ 250 ms) is no gap',
      [
        [0, 4],
        [4.2, 8],
      ],
      [0, 8],
      [[0, 8]],
      [],
    ],
    ['nothing recorded: one gap', [], [0, 10], [], [[0, 10]]],
  ] as const)('%s', (_name, ranges, [from, to], spans, gaps) => {
    const timeline = indexOf(...(ranges as unknown as [number, number][])).timeline('cam', s(from), s(to));
    expect(timeline.spans).toEqual(spans.map(([a, b]) => ({ startMs: s(a), endMs: s(b) })));
    expect(timeline.gaps).toEqual(gaps.map(([a, b]) => ({ startMs: s(a), endMs: s(b) })));
  });

  it('gives ISO spans with milliseconds', () => {
    expect(isoSpans([{ startMs: 0, endMs: 1500 }])).toEqual([
      { start: '1970-01-01T00:00:00.000Z', end: '1970-01-01T00:00:01.500Z' },
    ]);
  });
});

describe('SegmentIndex lookups', () => {
  const index = indexOf([0, 4], [4, 8], [10, 14]);

  it('finds the segment holding an instant, else the next one', () => {
    expect(index.atOrAfter('cam', s(5))?.startMs).toBe(s(4));
    expect(index.atOrAfter('cam', s(9))?.startMs).toBe(s(10));
    expect(index.atOrAfter('cam', s(14))).toBeUndefined();
  });

  it('lists the segments overlapping a range and walks to the next', () => {
    expect(index.overlapping('cam', s(3), s(11)).map((x) => x.startMs)).toEqual([0, s(4), s(10)]);
    const second = index.segments('cam')[1];
    expect(second && index.next('cam', second)?.startMs).toBe(s(10));
    expect(index.oldest('cam')).toBe(0);
    expect(index.newest('cam')).toBe(s(14));
    expect(index.totalBytes()).toBe(300);
  });

  it('adds in time order and forgets removed segments', () => {
    const grown = indexOf([0, 4]);
    grown.add('cam', segments([8, 12])[0] as SegmentFile);
    grown.add('cam', segments([4, 8])[0] as SegmentFile);
    expect(grown.segments('cam').map((x) => x.startMs)).toEqual([0, s(4), s(8)]);
    grown.remove('cam', '/r/0.mp4');
    expect(grown.oldest('cam')).toBe(s(4));
    expect(grown.cameras()).toEqual(['cam']);
    expect(new SegmentIndex().segments('other')).toEqual([]);
  });
});
