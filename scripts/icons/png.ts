/** The pixel size of a PNG image. */
export interface PngSize {
  width: number;
  height: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads a PNG's pixel size from its IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(png: Buffer): PngSize {
  if (png.length < 24 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The side of a square PNG image; throws when the image is not square. */
export function squareSide(png: Buffer): number {
  const { width, height } = pngSize(png);
  if (width !== height) throw new Error(`icon images must be square, got ${width}x${height}`);
  return width;
}
