// The shared playback clock, pure: the wall-clock instant a group of tiles shows, anchored at a moment of the
// page's monotonic clock and advancing at `rate` while it runs. It runs unless the operator paused it or the
// group holds it (a tile still fetching the instant). And the drift rule that keeps each tile on it.

/** The clock's state; every change re-anchors it, so reading it is one multiplication. */
export interface PlaybackClock {
  /** The wall-clock ms shown at `anchorAt`. */
  readonly anchorWall: number;
  /** The page's monotonic ms (performance.now()) of the anchor. */
  readonly anchorAt: number;
  /** 1, 2, 4 or 8. */
  readonly rate: number;
  /** Paused by the operator. */
  readonly paused: boolean;
  /** Held by the group: some tile has no picture for this instant yet. */
  readonly held: boolean;
}

/** The speeds offered. */
export const RATES = [1, 2, 4, 8] as const;

/** A clock showing `wallMs`, running at 1× unless `paused`. */
export function startClock(wallMs: number, now: number, paused = false): PlaybackClock {
  return { anchorWall: wallMs, anchorAt: now, rate: 1, paused, held: false };
}

/** Whether the clock advances. */
export function running(clock: PlaybackClock): boolean {
  return !clock.paused && !clock.held;
}

/** The wall-clock ms the clock shows at `now`. */
export function clockAt(clock: PlaybackClock, now: number): number {
  return running(clock) ? clock.anchorWall + (now - clock.anchorAt) * clock.rate : clock.anchorWall;
}

function reanchor(clock: PlaybackClock, now: number, change: Partial<PlaybackClock>): PlaybackClock {
  return { ...clock, anchorWall: clockAt(clock, now), anchorAt: now, ...change };
}

/** Paused or playing (by the operator). */
export function setPaused(clock: PlaybackClock, paused: boolean, now: number): PlaybackClock {
  return clock.paused === paused ? clock : reanchor(clock, now, { paused });
}

/** Held or released (by the group). */
export function setHeld(clock: PlaybackClock, held: boolean, now: number): PlaybackClock {
  return clock.held === held ? clock : reanchor(clock, now, { held });
}

/** A new speed, from the instant shown now. */
export function setRate(clock: PlaybackClock, rate: number, now: number): PlaybackClock {
  return clock.rate === rate ? clock : reanchor(clock, now, { rate });
}

/** Jumps to `wallMs` (playing or paused as before). */
export function seekClock(clock: PlaybackClock, wallMs: number, now: number): PlaybackClock {
  return { ...clock, anchorWall: wallMs, anchorAt: now };
}

/** Pauses and moves by `deltaMs` (a frame step). */
export function stepClock(clock: PlaybackClock, deltaMs: number, now: number): PlaybackClock {
  const at = clockAt(clock, now);
  return { ...clock, paused: true, anchorWall: at + deltaMs, anchorAt: now };
}

/** What a tile does to follow the clock. */
export type Correction = { kind: 'seek'; to: number } | { kind: 'rate'; rate: number };

/** Beyond this many seconds off, a playing tile seeks rather than catching up. */
export const SEEK_SECONDS = 0.5;
/** A paused tile further than this from the clock seeks to it (a frame is 0.04 s at 25 fps). */
export const PAUSED_SECONDS = 0.015;

/**
 * How a tile whose video is at `actual` media seconds follows the clock at `expected`: far off, it seeks;
 * closer, a playing tile runs up to 10 % faster or slower until it is back (so it never jumps visibly);
 * a paused one seeks to the exact frame.
 */
export function correction(expected: number, actual: number, rate: number, playing: boolean): Correction {
  const drift = expected - actual;
  if (!playing)
    return Math.abs(drift) > PAUSED_SECONDS ? { kind: 'seek', to: expected } : { kind: 'rate', rate };
  if (Math.abs(drift) > SEEK_SECONDS * Math.max(1, rate / 2)) return { kind: 'seek', to: expected };
  const nudge = Math.max(-0.1, Math.min(0.1, drift * 0.5));
  return { kind: 'rate', rate: Math.abs(drift) < 0.02 ? rate : rate * (1 + nudge) };
}
