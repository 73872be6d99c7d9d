import { describe, expect, it } from 'vitest';

import {
  decodeTimecode,
  TIMECODE_BITS,
  TIMECODE_BLOCK_SIZE,
  TIMECODE_X,
  TIMECODE_Y,
  timecodeAgeMs,
} from '../../lab/timecode';

/** Paints the strip the way resources/demo/camera.py does, into a luma reader (0 outside the strip). */
function paint(value: number, damage?: { bit: number; row: 0 | 1 }): (x: number, y: number) => number {
  return (x, y) => {
    const i = Math.floor((x - TIMECODE_X) / TIMECODE_BLOCK_SIZE);
    const row = Math.floor((y - TIMECODE_Y) / TIMECODE_BLOCK_SIZE);
    if (i < 0 || i >= TIMECODE_BITS || (row !== 0 && row !== 1)) return 0;
    const bit = Math.floor(value / 2 ** (TIMECODE_BITS - 1 - i)) % 2;
    let white = row === 0 ? bit : 1 - bit;
    if (damage?.bit === i && damage.row === row) white = 1 - white;
    return white === 1 ? 235 : 16;
  };
}

describe('decodeTimecode', () => {
  it.each([0, 1, 0x80000000, 0xffffffff, Date.now() % 2 ** 32])('reads back %d', (value) => {
    expect(decodeTimecode(paint(value))).toBe(value);
  });

  it('refuses a strip whose check row disagrees', () => {
    expect(decodeTimecode(paint(123456, { bit: 7, row: 1 }))).toBeUndefined();
    expect(decodeTimecode(() => 0)).toBeUndefined();
  });
});

describe('timecodeAgeMs', () => {
  it.each([
    [1000, 1049, 49],
    [2 ** 32 - 10, 2 ** 32 + 40, 50],
    [2 ** 32 - 10, 30, 40],
  ])('from %d to %d is %d ms', (timecode, now, age) => {
    expect(timecodeAgeMs(timecode, now)).toBe(age);
  });
});
