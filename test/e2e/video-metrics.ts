/** One <video>'s figures as the page probe reports them. */
export interface VideoMetrics {
  /** From the last mark() to the first rendered frame. */
  firstFrameMs?: number;
  /** Frames rendered (requestVideoFrameCallback). */
  frames: number;
  width: number;
  /** Camera clock (timecode strip) → frame decoded in the page, per frame read. */
  latenciesMs: number[];
}
