// Synthetic greyscale frames for the detector's unit tests: a still textured scene, seeded noise, a block.
import { ANALYSIS_GRID } from '../../../main/motion/motion-detector';

const { width, height } = ANALYSIS_GRID;

/** A still, textured scene (stripes and rings, values 40–220), the same every call. */
export function texturedScene(): Uint8Array {
  const frame = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      frame[y * width + x] = Math.round(
        130 + 50 * Math.sin(x / 3) * Math.cos(y / 4) + 40 * Math.sin((x + y) / 9),
      );
    }
  }
  return frame;
}

/** A seeded random source (mulberry32), so noisy tests repeat exactly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `frame` plus Gaussian noise of standard deviation `sigma` grey levels (a sensor, a compressed stream). */
export function withNoise(frame: Uint8Array, sigma: number, random: () => number): Uint8Array {
  const out = new Uint8Array(frame.length);
  for (let i = 0; i < frame.length; i++) {
    const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = Math.min(255, Math.max(0, Math.round((frame[i] ?? 0) + sigma * gauss)));
  }
  return out;
}

/** `frame` with a `size`×`size` block of grey `value` whose top-left corner is (x, y) (clipped to the frame). */
export function withBlock(frame: Uint8Array, x: number, y: number, size: number, value = 250): Uint8Array {
  const out = Uint8Array.from(frame);
  for (let row = Math.max(0, y); row < Math.min(height, y + size); row++) {
    for (let col = Math.max(0, x); col < Math.min(width, x + size); col++) out[row * width + col] = value;
  }
  return out;
}

/** `frame` with every pixel `delta` brighter (clipped): the lights came on. */
export function brighter(frame: Uint8Array, delta: number): Uint8Array {
  return frame.map((value) => Math.min(255, value + delta));
}
