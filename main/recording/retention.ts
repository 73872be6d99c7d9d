// Which finished segments go (pure): first those older than their camera's retention_hours, then the oldest of
// all cameras until the recordings fit the byte quota. The segment being written is never among them: it is not
// in the index until ffmpeg has finished it.
import type { SegmentFile } from './segment-files';

/** One camera's segments and how long it keeps them (undefined: no age limit, only the quota). */
export interface RetainedCamera {
  cameraId: string;
  segments: readonly SegmentFile[];
  retentionHours: number | undefined;
}

/** A segment to delete. */
export interface Doomed {
  cameraId: string;
  segment: SegmentFile;
}

/** The segments to delete now, oldest first. */
export function retentionPlan(cameras: readonly RetainedCamera[], maxBytes: number, nowMs: number): Doomed[] {
  const doomed: Doomed[] = [];
  const kept: Doomed[] = [];
  for (const { cameraId, segments, retentionHours } of cameras) {
    const limit =
      retentionHours === undefined ? Number.NEGATIVE_INFINITY : nowMs - retentionHours * 3_600_000;
    for (const segment of segments) (segment.endMs < limit ? doomed : kept).push({ cameraId, segment });
  }
  let bytes = kept.reduce((total, entry) => total + entry.segment.bytes, 0);
  if (bytes <= maxBytes) return doomed;
  kept.sort((a, b) => a.segment.startMs - b.segment.startMs);
  for (const entry of kept) {
    if (bytes <= maxBytes) break;
    doomed.push(entry);
    bytes -= entry.segment.bytes;
  }
  return doomed;
}
