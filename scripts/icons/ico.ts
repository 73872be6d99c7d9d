// Windows .ico files holding PNG images (Windows Vista and later read PNG entries).
import { squareSide } from './png';

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;
/** The largest side an .ico entry can describe. */
export const ICO_MAX_SIDE = 256;

/** Packs square PNG images of at most 256 pixels into one .ico file. */
export function packIco(pngs: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = Buffer.alloc(ENTRY_BYTES * pngs.length);
  let offset = HEADER_BYTES + entries.length;
  pngs.forEach((png, i) => {
    const side = squareSide(png);
    if (side > ICO_MAX_SIDE) throw new Error(`an .ico entry is at most ${ICO_MAX_SIDE} pixels, got ${side}`);
    const entry = i * ENTRY_BYTES;
    entries.writeUInt8(side % ICO_MAX_SIDE, entry); // 0 means 256
    entries.writeUInt8(side % ICO_MAX_SIDE, entry + 1);
    entries.writeUInt16LE(1, entry + 4); // colour planes
    entries.writeUInt16LE(32, entry + 6); // bits per pixel
    entries.writeUInt32LE(png.length, entry + 8);
    entries.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, entries, ...pngs]);
}

/** The sides of the PNG images in an .ico file, read from the images themselves. */
export function readIcoSides(ico: Buffer): number[] {
  if (ico.length < HEADER_BYTES || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) {
    throw new Error('not an .ico file');
  }
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = HEADER_BYTES + i * ENTRY_BYTES;
    const declared = ico.readUInt8(entry) || ICO_MAX_SIDE;
    const start = ico.readUInt32LE(entry + 12);
    const side = squareSide(ico.subarray(start, start + ico.readUInt32LE(entry + 8)));
    if (side !== declared) throw new Error(`.ico entry ${i} declares ${declared} pixels but holds ${side}`);
    return side;
  });
}
