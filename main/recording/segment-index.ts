// What is on disk, per camera, in time order: built from the files at start (the files are the truth), kept up to
// date as recorders finish segments and retention removes them. Answers timelines (spans and gaps), where playback
// starts, and which segments an export needs. Pure (no I/O); scanning the folders is in segment-scan.ts.
import type { TimeSpan } from '../../common/recording';
import type { SegmentFile } from './segment-files';

/** Two segments closer than this are one span (the recorder's own segments meet exactly). */
export const SPAN_TOLERANCE_MS = 250;

/** Spans and gaps as epoch milliseconds. */
export interface Timeline {
  spans: { startMs: number; endMs: number }[];
  gaps: { startMs: number; endMs: number }[];
}

/** The first index in `segments` (sorted by start) whose end is after `instantMs`. */
function firstEndingAfter(segments: readonly SegmentFile[], instantMs: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((segments[mid]?.endMs ?? 0) <= instantMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Every camera's finished segments, sorted by start. */
export class SegmentIndex {
  readonly #cameras = new Map<string, SegmentFile[]>();

  /** Replaces a camera's segments (a scan at start); sorts them. */
  load(cameraId: string, segments: SegmentFile[]): void {
    this.#cameras.set(
      cameraId,
      [...segments].sort((a, b) => a.startMs - b.startMs),
    );
  }

  /** Adds a finished segment (usually the newest). */
  add(cameraId: string, segment: SegmentFile): void {
    const list = this.#cameras.get(cameraId) ?? [];
    let at = list.length;
    while (at > 0 && (list[at - 1]?.startMs ?? 0) > segment.startMs) at -= 1;
    list.splice(at, 0, segment);
    this.#cameras.set(cameraId, list);
  }

  /** Forgets a segment (retention removed it). */
  remove(cameraId: string, path: string): void {
    const list = this.#cameras.get(cameraId);
    if (list === undefined) return;
    const at = list.findIndex((segment) => segment.path === path);
    if (at >= 0) list.splice(at, 1);
  }

  /** Cameras with segments on disk. */
  cameras(): string[] {
    return [...this.#cameras.keys()].filter((id) => (this.#cameras.get(id)?.length ?? 0) > 0);
  }

  /** A camera's segments, oldest first (do not change the array). */
  segments(cameraId: string): readonly SegmentFile[] {
    return this.#cameras.get(cameraId) ?? [];
  }

  /** The oldest recorded instant of a camera, or undefined. */
  oldest(cameraId: string): number | undefined {
    return this.segments(cameraId)[0]?.startMs;
  }

  /** The newest recorded instant (end of the newest finished segment), or undefined. */
  newest(cameraId: string): number | undefined {
    return this.segments(cameraId).at(-1)?.endMs;
  }

  /** Bytes of all segments. */
  totalBytes(): number {
    let total = 0;
    for (const list of this.#cameras.values()) for (const segment of list) total += segment.bytes;
    return total;
  }

  /** The segments overlapping [fromMs, toMs), oldest first. */
  overlapping(cameraId: string, fromMs: number, toMs: number): SegmentFile[] {
    const list = this.segments(cameraId);
    const found: SegmentFile[] = [];
    for (let i = firstEndingAfter(list, fromMs); i < list.length; i += 1) {
      const segment = list[i];
      if (segment === undefined || segment.startMs >= toMs) break;
      found.push(segment);
    }
    return found;
  }

  /** The segment holding `instantMs`, else the first one after it; undefined when none is. */
  atOrAfter(cameraId: string, instantMs: number): SegmentFile | undefined {
    const list = this.segments(cameraId);
    return list[firstEndingAfter(list, instantMs)];
  }

  /** The segment right after `segment` (by start), if any. */
  next(cameraId: string, segment: SegmentFile): SegmentFile | undefined {
    const list = this.segments(cameraId);
    const at = firstEndingAfter(list, segment.startMs);
    for (let i = at; i < list.length; i += 1) {
      const candidate = list[i];
      if (candidate !== undefined && candidate.startMs > segment.startMs) return candidate;
    }
    return undefined;
  }

  /** Spans recorded within [fromMs, toMs] (clipped to it) and the gaps between them, covering the range. */
  timeline(cameraId: string, fromMs: number, toMs: number): Timeline {
    const spans: Timeline['spans'] = [];
    for (const segment of this.overlapping(cameraId, fromMs, toMs)) {
      const startMs = Math.max(fromMs, segment.startMs);
      const endMs = Math.min(toMs, segment.endMs);
      const last = spans.at(-1);
      if (last !== undefined && startMs - last.endMs <= SPAN_TOLERANCE_MS)
        last.endMs = Math.max(last.endMs, endMs);
      else if (endMs > startMs) spans.push({ startMs, endMs });
    }
    const gaps: Timeline['gaps'] = [];
    let cursor = fromMs;
    for (const span of spans) {
      if (span.startMs > cursor) gaps.push({ startMs: cursor, endMs: span.startMs });
      cursor = Math.max(cursor, span.endMs);
    }
    if (cursor < toMs) gaps.push({ startMs: cursor, endMs: toMs });
    return { spans, gaps };
  }
}

/** Epoch-millisecond spans as the contract's ISO spans. */
export function isoSpans(spans: readonly { startMs: number; endMs: number }[]): TimeSpan[] {
  return spans.map((span) => ({
    start: new Date(span.startMs).toISOString(),
    end: new Date(span.endMs).toISOString(),
  }));
}
