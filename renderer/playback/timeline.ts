// Time arithmetic of playback, pure: media time ↔ wall clock (a stream's media time 0 is the wall-clock instant
// of its `X-Vigil-Playback-Start`), where an instant falls in what is buffered, and the timeline strip's
// window, bars and scrubber positions.

/** A stretch of time: seconds of media time in a buffer, or wall-clock ms in a recording index. */
export interface Range {
  start: number;
  end: number;
}

/** Media seconds → wall-clock ms, given the wall-clock ms of media time 0. */
export function wallAt(startMs: number, mediaSeconds: number): number {
  return startMs + mediaSeconds * 1000;
}

/** Wall-clock ms → media seconds, given the wall-clock ms of media time 0. */
export function mediaAt(startMs: number, wallMs: number): number {
  return (wallMs - startMs) / 1000;
}

/** Where an instant falls among buffered ranges (sorted, as `video.buffered` gives them). */
export type Placement =
  /** Inside a range: playable now. */
  | { kind: 'inside'; end: number }
  /** Between two ranges: a gap in the recording; the next range starts at `next`. */
  | { kind: 'gap'; next: number }
  /** After everything buffered (more may come), or nothing is buffered yet. */
  | { kind: 'ahead'; end: number | undefined }
  /** Before the first range. */
  | { kind: 'before'; start: number };

/** Browsers start a range a hair after a fragment's first timestamp; an instant this close to a range counts in it. */
export const EDGE_SECONDS = 0.05;

/** Where `t` falls among `ranges`. */
export function place(ranges: readonly Range[], t: number): Placement {
  const first = ranges[0];
  if (!first) return { kind: 'ahead', end: undefined };
  if (t < first.start - EDGE_SECONDS) return { kind: 'before', start: first.start };
  for (const [i, range] of ranges.entries()) {
    if (t < range.end - EDGE_SECONDS / 2) {
      if (t >= range.start - EDGE_SECONDS) return { kind: 'inside', end: range.end };
      return { kind: 'gap', next: range.start };
    }
    const following = ranges[i + 1];
    if (following && t < following.start - EDGE_SECONDS) return { kind: 'gap', next: following.start };
  }
  return { kind: 'ahead', end: ranges[ranges.length - 1]?.end };
}

/** The timeline's zoom levels: how much wall-clock time the strip shows. */
export const ZOOMS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  60 * 60_000,
  6 * 3_600_000,
  24 * 3_600_000,
] as const;

/**
 * The window the strip shows: `lengthMs` long, ending at `nowMs` (the live edge) unless the playhead is further
 * back than that, then centred on the playhead.
 */
export function timelineWindow(playheadMs: number, nowMs: number, lengthMs: number): Range {
  if (playheadMs >= nowMs - lengthMs * 0.9) return { start: nowMs - lengthMs, end: nowMs };
  return { start: playheadMs - lengthMs / 2, end: playheadMs + lengthMs / 2 };
}

/** Where `ms` sits in the window, 0 (left) to 1 (right), clamped. */
export function fractionOf(ms: number, window: Range): number {
  const f = (ms - window.start) / (window.end - window.start);
  return Math.min(1, Math.max(0, f));
}

/** The instant at fraction `f` (0–1, clamped) of the window. */
export function instantAt(f: number, window: Range): number {
  return window.start + Math.min(1, Math.max(0, f)) * (window.end - window.start);
}

/** One bar of the strip, in fractions of its width. */
export interface Bar {
  left: number;
  width: number;
}

/** The parts of `ranges` inside the window as bars (ranges wholly outside it are dropped). */
export function bars(ranges: readonly Range[], window: Range): Bar[] {
  return ranges.flatMap((range) => {
    if (range.end <= window.start || range.start >= window.end) return [];
    const left = fractionOf(range.start, window);
    return [{ left, width: fractionOf(range.end, window) - left }];
  });
}

/** Tick marks for the strip: round instants (10 s … 6 h apart) inside the window, about `count` of them. */
export function ticks(window: Range, count = 6): number[] {
  const steps = [10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000];
  const want = (window.end - window.start) / count;
  const step = steps.find((s) => s >= want) ?? steps[steps.length - 1] ?? 3_600_000;
  const out: number[] = [];
  for (let t = Math.ceil(window.start / step) * step; t <= window.end && out.length < 50; t += step)
    out.push(t);
  return out;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM:SS` in local time. */
export function clockText(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** `HH:MM` in local time, for ticks. */
export function tickText(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * What an operator typed as "go to": `14:02`, `14:02:11` (today, or yesterday when that is still to come),
 * `-30s`, `-2m`, `-1h` (back from now), or a full ISO date. Returns wall-clock ms or a message saying what is
 * accepted.
 */
export function parseTypedTime(text: string, nowMs: number): { ms: number } | { error: string } {
  const value = text.trim();
  const back = /^-?\s*(\d+(?:\.\d+)?)\s*(s|m|h)$/i.exec(value);
  if (back) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[(back[2] ?? 's').toLowerCase() as 's' | 'm' | 'h'];
    return { ms: nowMs - Number(back[1]) * unit };
  }
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) {
    const [h, m, s] = [clock[1], clock[2], clock[3]].map((part) => Number(part ?? 0));
    if ((h ?? 0) > 23 || (m ?? 0) > 59 || (s ?? 0) > 59) return { error: `${value} is not a time of day` };
    const at = new Date(nowMs);
    at.setHours(h ?? 0, m ?? 0, s ?? 0, 0);
    const ms = at.getTime();
    return { ms: ms > nowMs ? ms - 86_400_000 : ms };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return { ms };
  }
  return { error: 'Type a time like 14:02:11, 14:02, -30s, -2m or an ISO date' };
}
