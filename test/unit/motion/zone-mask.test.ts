import { describe, expect, it } from 'vitest';

import { watchedCount, watchedMask } from '../../../main/motion/zone-mask';

describe('watchedMask', () => {
  it('watches everything without zones', () => {
    expect(watchedCount(watchedMask(4, 2, []))).toBe(8);
  });

  it('ignores the pixels whose centres lie inside a zone', () => {
    // The left half of a 4×2 grid.
    const mask = watchedMask(4, 2, [
      [
        [0, 0],
        [0.5, 0],
        [0.5, 1],
        [0, 1],
      ],
    ]);
    expect([...mask]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('handles a triangle and overlapping zones', () => {
    const triangle: [number, number][] = [
      [0, 0],
      [1, 0],
      [0, 1],
    ];
    // Upper-left triangle of a 4×4 grid: centres with x + y < 1 (6 of them, the diagonal's centres are outside).
    expect(watchedCount(watchedMask(4, 4, [triangle]))).toBe(16 - 6);
    expect(watchedCount(watchedMask(4, 4, [triangle, triangle]))).toBe(16 - 6);
  });
});
