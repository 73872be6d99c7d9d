import { describe, expect, it } from 'vitest';

import { packIco, readIcoSides } from '../../../../scripts/icons/ico';
import { fakePng } from './fake-png';

describe('packIco', () => {
  it('packs PNG entries that read back with their sides, 256 stored as 0', () => {
    const ico = packIco([fakePng(16), fakePng(48), fakePng(256)]);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(3);
    expect(ico.readUInt8(6 + 2 * 16)).toBe(0);
    expect(readIcoSides(ico)).toEqual([16, 48, 256]);
  });

  it('places each image at the offset its entry names', () => {
    const images = [fakePng(16), fakePng(32)];
    const ico = packIco(images);
    const second = 6 + 16;
    const offset = ico.readUInt32LE(second + 12);
    expect(ico.subarray(offset, offset + ico.readUInt32LE(second + 8))).toEqual(images[1]);
  });

  it('rejects an image larger than 256 pixels', () => {
    expect(() => packIco([fakePng(512)])).toThrow('at most 256 pixels, got 512');
  });

  it('rejects a non-square image', () => {
    expect(() => packIco([fakePng(32, 16)])).toThrow('must be square');
  });
});

describe('readIcoSides', () => {
  it('rejects a file that is not an .ico', () => {
    expect(() => readIcoSides(fakePng(16))).toThrow('not an .ico file');
  });

  it('rejects an entry whose declared size differs from its image', () => {
    const ico = packIco([fakePng(32)]);
    ico.writeUInt8(16, 6);
    expect(() => readIcoSides(ico)).toThrow('declares 16 pixels but holds 32');
  });
});
