// The lab camera's machine-readable timecode strip, shared by the camera (resources/demo/camera.py gets these
// numbers as arguments) and by browser pages that measure camera → screen latency. No Node imports.
//
// Geometry, in pixels of the 640x360 frame (origin top-left):
//   row 1: TIMECODE_BITS blocks of TIMECODE_BLOCK_SIZE x TIMECODE_BLOCK_SIZE starting at (TIMECODE_X, TIMECODE_Y);
//          block i (0-based, left to right) is bit (TIMECODE_BITS - 1 - i) of the value: most significant first;
//          white = 1, black = 0.
//   row 2: directly under row 1 (y + TIMECODE_BLOCK_SIZE), the complement of row 1 (white = 0), as a check.
// The value is the camera's wall clock when it drew the frame, `Date.now() mod 2^32` (milliseconds).
// With the defaults: blocks 8x8, row 1 spans x 8..263, y 8..15; row 2 spans y 16..23.

/** Left edge of the strip's first block, in pixels. */
export const TIMECODE_X = 8;

/** Top edge of the strip's first row, in pixels. */
export const TIMECODE_Y = 8;

/** Width and height of one block, in pixels. */
export const TIMECODE_BLOCK_SIZE = 8;

/** Blocks per row: the value is the wall clock in milliseconds modulo 2^TIMECODE_BITS. */
export const TIMECODE_BITS = 32;

/** Luma (0-255) at a pixel of the frame; how the caller reads the frame is up to it. */
export type LumaReader = (x: number, y: number) => number;

/** Reads the strip from a frame: the encoded milliseconds, or undefined if the check row disagrees. */
export function decodeTimecode(luma: LumaReader): number | undefined {
  const half = TIMECODE_BLOCK_SIZE / 2;
  let value = 0;
  for (let i = 0; i < TIMECODE_BITS; i++) {
    const x = TIMECODE_X + i * TIMECODE_BLOCK_SIZE + half;
    const bit = luma(x, TIMECODE_Y + half) >= 128;
    const check = luma(x, TIMECODE_Y + TIMECODE_BLOCK_SIZE + half) >= 128;
    if (bit === check) return undefined;
    value = value * 2 + (bit ? 1 : 0);
  }
  return value;
}

/** Milliseconds from the encoded timecode to `nowMs` (e.g. Date.now()), across the 2^32 wrap. */
export function timecodeAgeMs(timecode: number, nowMs: number): number {
  const modulus = 2 ** TIMECODE_BITS;
  return (((nowMs - timecode) % modulus) + modulus) % modulus;
}
