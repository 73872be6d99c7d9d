import { describe, expect, it } from 'vitest';

import { ICNS_TYPES, packIcns, readIcns } from '../../../../scripts/icons/icns';
import { fakePng } from './fake-png';

const ALL_SIDES = new Map([16, 32, 64, 128, 256, 512, 1024].map((side) => [side, fakePng(side)]));

describe('packIcns', () => {
  it('writes one element per type holding the image of its side', () => {
    const icns = packIcns(ALL_SIDES);
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(Object.fromEntries(readIcns(icns))).toEqual(ICNS_TYPES);
  });

  it('records the whole file length in the header', () => {
    const icns = packIcns(ALL_SIDES);
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('names the type whose image is missing', () => {
    const sides = new Map(ALL_SIDES);
    sides.delete(1024);
    expect(() => packIcns(sides)).toThrow('no 1024x1024 image for .icns type ic10');
  });

  it('rejects an image filed under the wrong side', () => {
    expect(() => packIcns(new Map([...ALL_SIDES, [64, fakePng(48)]]))).toThrow('is not 64 pixels');
  });
});

describe('readIcns', () => {
  it('rejects a file that is not an .icns', () => {
    expect(() => readIcns(fakePng(16))).toThrow('not an .icns file');
  });

  it('rejects a truncated file', () => {
    expect(() => readIcns(packIcns(ALL_SIDES).subarray(0, 100))).toThrow('length does not match');
  });
});
