// One greyscale frame against the running-average background (pure; Frigate's method, written for Vigil):
// blur away sensor and compression noise, measure each pixel's distance from the background, count the watched
// pixels past the threshold (lone pixels and one-pixel lines do not count), then blend the frame into the
// background so that slow changes (dusk, a parked car) fade in instead of staying "motion".

/** How fast the background follows the picture: the share of each new frame blended in (5 fps: ~2 s to settle). */
export const BACKGROUND_ALPHA = 0.1;

/** Past this share of the watched picture changing at once, it is the light (IR switch, a cloud), not motion. */
export const LIGHTING_CHANGE_PERCENT = 75;

/** What one frame showed. */
export interface FrameDifference {
  /** Watched pixels that changed, in percent of all watched pixels. */
  changedPercent: number;
  /** The whole picture changed (light): the background restarted from this frame and nothing counts. */
  relearned: boolean;
}

/** Compares frames of one size with a running-average background; the first frame becomes the background. */
export class FrameComparer {
  readonly #width: number;
  readonly #height: number;
  readonly #mask: Uint8Array;
  readonly #watched: number;
  readonly #threshold: number;
  readonly #blurred: Float32Array;
  readonly #rows: Float32Array;
  readonly #changed: Uint8Array;
  #background: Float32Array | undefined;

  /** `mask` holds 1 for watched pixels (see zone-mask.ts); `threshold` is the grey-level distance that counts. */
  constructor(width: number, height: number, mask: Uint8Array, threshold: number) {
    this.#width = width;
    this.#height = height;
    this.#mask = mask;
    this.#threshold = threshold;
    let watched = 0;
    for (const pixel of mask) watched += pixel;
    this.#watched = watched;
    this.#blurred = new Float32Array(width * height);
    this.#rows = new Float32Array(width * height);
    this.#changed = new Uint8Array(width * height);
  }

  /** Folds in one frame (`width`×`height` bytes of luma) and says how much of the watched picture changed. */
  compare(frame: Uint8Array): FrameDifference {
    if (frame.length !== this.#width * this.#height) {
      throw new RangeError(`a frame must be ${this.#width}x${this.#height} bytes, got ${frame.length}`);
    }
    const blurred = this.#blur(frame);
    const background = this.#background;
    if (background === undefined) {
      this.#background = Float32Array.from(blurred);
      return { changedPercent: 0, relearned: false };
    }
    const percent = this.#watched === 0 ? 0 : (100 * this.#countChanged(blurred, background)) / this.#watched;
    if (percent > LIGHTING_CHANGE_PERCENT) {
      background.set(blurred);
      return { changedPercent: 0, relearned: true };
    }
    for (let i = 0; i < background.length; i++) {
      const value = background[i] ?? 0;
      background[i] = value + BACKGROUND_ALPHA * ((blurred[i] ?? 0) - value);
    }
    return { changedPercent: percent, relearned: false };
  }

  /** A 3×3 box blur (edges repeat), in two passes. */
  #blur(frame: Uint8Array): Float32Array {
    const width = this.#width;
    const height = this.#height;
    const rows = this.#rows;
    const out = this.#blurred;
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) {
        const left = frame[row + Math.max(0, x - 1)] ?? 0;
        const right = frame[row + Math.min(width - 1, x + 1)] ?? 0;
        rows[row + x] = left + (frame[row + x] ?? 0) + right;
      }
    }
    for (let y = 0; y < height; y++) {
      const up = Math.max(0, y - 1) * width;
      const row = y * width;
      const down = Math.min(height - 1, y + 1) * width;
      for (let x = 0; x < width; x++) {
        out[row + x] = ((rows[up + x] ?? 0) + (rows[row + x] ?? 0) + (rows[down + x] ?? 0)) / 9;
      }
    }
    return out;
  }

  /** Watched pixels past the threshold whose four neighbours are past it too (an erosion: no lone specks). */
  #countChanged(blurred: Float32Array, background: Float32Array): number {
    const width = this.#width;
    const height = this.#height;
    const changed = this.#changed;
    for (let i = 0; i < changed.length; i++) {
      changed[i] = Math.abs((blurred[i] ?? 0) - (background[i] ?? 0)) > this.#threshold ? 1 : 0;
    }
    let count = 0;
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        if (this.#mask[i] === 0 || changed[i] === 0) continue;
        if (changed[i - 1] && changed[i + 1] && changed[i - width] && changed[i + width]) count++;
      }
    }
    return count;
  }
}
