// macOS .icns files holding PNG images: a 'icns' header, then one (type, length, data) element per image.
import { squareSide } from './png';

/** The .icns element types electron-builder's dmg needs, with the pixel side each one holds. */
export const ICNS_TYPES = {
  icp4: 16,
  icp5: 32,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024, // 512@2x
  ic11: 32, // 16@2x
  ic12: 64, // 32@2x
  ic13: 256, // 128@2x
  ic14: 512, // 256@2x
} as const;

/** One .icns element type. */
export type IcnsType = keyof typeof ICNS_TYPES;

const ELEMENT_HEADER_BYTES = 8;

/** Packs one PNG per {@link ICNS_TYPES} entry, taken from `pngsBySide` (a PNG for every side needed). */
export function packIcns(pngsBySide: ReadonlyMap<number, Buffer>): Buffer {
  const elements = Object.entries(ICNS_TYPES).map(([type, side]) => {
    const png = pngsBySide.get(side);
    if (png === undefined) throw new Error(`no ${side}x${side} image for .icns type ${type}`);
    if (squareSide(png) !== side) throw new Error(`the image given for ${side} pixels is not ${side} pixels`);
    const header = Buffer.alloc(ELEMENT_HEADER_BYTES);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(ELEMENT_HEADER_BYTES + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(ELEMENT_HEADER_BYTES);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(ELEMENT_HEADER_BYTES + elements.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([header, ...elements]);
}

/** The element types in an .icns file with the pixel side of the PNG each holds. */
export function readIcns(icns: Buffer): Map<string, number> {
  if (icns.length < ELEMENT_HEADER_BYTES || icns.toString('latin1', 0, 4) !== 'icns') {
    throw new Error('not an .icns file');
  }
  if (icns.readUInt32BE(4) !== icns.length) throw new Error('.icns length does not match the file');
  const found = new Map<string, number>();
  for (let at = ELEMENT_HEADER_BYTES; at < icns.length;) {
    const length = icns.readUInt32BE(at + 4);
    if (length <= ELEMENT_HEADER_BYTES || at + length > icns.length)
      throw new Error(`bad .icns element at ${at}`);
    found.set(
      icns.toString('latin1', at, at + 4),
      squareSide(icns.subarray(at + ELEMENT_HEADER_BYTES, at + length)),
    );
    at += length;
  }
  return found;
}
