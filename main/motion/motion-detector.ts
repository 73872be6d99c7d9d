// A camera's motion detector: small greyscale frames in, "motion started" / "motion ended" out (pure). The
// settings decide the threshold (sensitivity), the share of the picture that must change (min_area_percent)
// and what is ignored (zones); persistence over frames is motion-state.ts's.
import type { MotionSettings } from '../../common/motion';
import { FrameComparer, type FrameDifference } from './frame-comparer';
import {
  DEFAULT_PERSISTENCE,
  IDLE,
  nextMotion,
  type MotionChange,
  type MotionState,
  type PersistenceRules,
} from './motion-state';
import { watchedMask } from './zone-mask';

export type { MotionChange } from './motion-state';

/** The analysis grid: frames are scaled to this many pixels whatever the camera's size (zones are in 0..1). */
export const ANALYSIS_GRID = { width: 160, height: 90 } as const;

/** Frames per second the detector looks at. */
export const ANALYSIS_FPS = 5;

/** Frames that only teach the background (the first ones after a (re)start may be a decoder's warm-up). */
export const WARMUP_FRAMES = 3;

/**
 * The grey-level distance (0–255, after blurring) at which a pixel counts as changed, for a sensitivity 1–100:
 * 64 at 1, 37 at 50, 10 at 100.
 */
export function thresholdFor(sensitivity: number): number {
  const clamped = Math.min(100, Math.max(1, sensitivity));
  return 65 - Math.round(clamped * 0.55);
}

/** What one frame did to the detector. */
export interface DetectorStep {
  difference: FrameDifference;
  /** Motion started or ended with this frame. */
  change?: MotionChange;
}

/**
 * Frames of one camera through blur, running-average background, threshold, minimum area and persistence.
 * @example
 * const detector = new MotionDetector(camera.motion);
 * const { change } = detector.push(frame, Date.now()); // change?.kind === 'start' → raise an alarm
 */
export class MotionDetector {
  readonly #settings: Pick<MotionSettings, 'min_area_percent'>;
  readonly #comparer: FrameComparer;
  readonly #rules: PersistenceRules;
  readonly #grid: { width: number; height: number };
  #state: MotionState = IDLE;
  #frames = 0;

  constructor(
    settings: Pick<MotionSettings, 'sensitivity' | 'min_area_percent' | 'zones'>,
    options: { grid?: { width: number; height: number }; rules?: PersistenceRules } = {},
  ) {
    const grid = (this.#grid = options.grid ?? ANALYSIS_GRID);
    this.#settings = settings;
    this.#rules = options.rules ?? DEFAULT_PERSISTENCE;
    const mask = watchedMask(grid.width, grid.height, settings.zones);
    this.#comparer = new FrameComparer(grid.width, grid.height, mask, thresholdFor(settings.sensitivity));
  }

  /** The frame size in bytes (one byte of luma per pixel of the grid). */
  get frameBytes(): number {
    return this.#grid.width * this.#grid.height;
  }

  /** Whether motion is going on now. */
  get active(): boolean {
    return this.#state.active;
  }

  /** Folds in one frame that arrived at `at` (ms). */
  push(frame: Uint8Array, at: number): DetectorStep {
    const difference = this.#comparer.compare(frame);
    if (++this.#frames <= WARMUP_FRAMES) return { difference };
    const moving = !difference.relearned && difference.changedPercent >= this.#settings.min_area_percent;
    const { state, change } = nextMotion(
      this.#state,
      { moving, changedPercent: difference.changedPercent, at },
      this.#rules,
    );
    this.#state = state;
    return change === undefined ? { difference } : { difference, change };
  }

  /** Ends motion now if it is going on (the stream stopped): the change to act on, if any. */
  interrupt(at: number): MotionChange | undefined {
    const state = this.#state;
    this.#state = IDLE;
    if (!state.active) return undefined;
    return { kind: 'end', at, startedAt: state.startedAt ?? at, peakPercent: state.peakPercent };
  }
}
