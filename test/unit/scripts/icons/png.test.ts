import { describe, expect, it } from 'vitest';

import { pngSize, squareSide } from '../../../../scripts/icons/png';
import { fakePng } from './fake-png';

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk', () => {
    expect(pngSize(fakePng(640, 480))).toEqual({ width: 640, height: 480 });
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0)],
    ['a JPEG', Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex')],
    [
      'a PNG signature without IHDR',
      Buffer.concat([fakePng(16).subarray(0, 12), Buffer.from('IDAT'), Buffer.alloc(17)]),
    ],
  ])('rejects %s', (_name, data) => {
    expect(() => pngSize(data)).toThrow('not a PNG image');
  });
});

describe('squareSide', () => {
  it('is the side of a square image', () => {
    expect(squareSide(fakePng(256))).toBe(256);
  });

  it('rejects a non-square image', () => {
    expect(() => squareSide(fakePng(32, 16))).toThrow('must be square, got 32x16');
  });
});
