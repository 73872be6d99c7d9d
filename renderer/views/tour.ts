/** How many pages a tour's camera pool fills on a wall of `tileCount` tiles. */
export function tourPages(pool: readonly string[], tileCount: number): number {
  return Math.max(1, Math.ceil(pool.length / Math.max(1, tileCount)));
}

/** The cameras a tour shows at `step`: page `step mod pages` of the pool, one camera per tile, the rest empty. */
export function tourTiles(pool: readonly string[], tileCount: number, step: number): (string | null)[] {
  const page = step % tourPages(pool, tileCount);
  return Array.from({ length: tileCount }, (_, i) => pool[page * tileCount + i] ?? null);
}

/**
 * Calls `onStep` every `intervalMs` while playing; a pause keeps the time left, so a resume does not restart
 * the interval.
 */
export class TourTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private remainingMs: number;
  private startedAt = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly onStep: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.remainingMs = intervalMs;
  }

  /** Whether the timer is running. */
  get playing(): boolean {
    return this.timer !== undefined;
  }

  /** Starts or resumes the countdown to the next step. */
  play(): void {
    if (this.timer !== undefined) return;
    this.startedAt = this.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.remainingMs = this.intervalMs;
      this.onStep();
      this.play();
    }, this.remainingMs);
  }

  /** Stops the countdown, keeping the time left for the next `play()`. */
  pause(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remainingMs = Math.max(0, this.remainingMs - (this.now() - this.startedAt));
  }
}
