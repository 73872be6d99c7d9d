// Where recordings live and what their names say. A finished segment is
// `<dir>/<camera_id>/<YYYY-MM-DD>/<start ms>-<duration ms>.mp4`: the wall-clock start and the length, both taken
// from the media timestamps (see recorder-anchor.ts), so the index is rebuilt from names alone. A segment being
// written lives in `<dir>/<camera_id>/.incoming/` under ffmpeg's own name until the recorder finishes it.
import { join } from 'node:path';

/** The folder of segments still being written (or left by a killed recorder). */
export const INCOMING = '.incoming';

/** A finished segment: where it is and the time it covers. */
export interface SegmentFile {
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

const NAME = /^(\d{13})-(\d{1,9})\.mp4$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A finished segment's file name. */
export function segmentName(startMs: number, durationMs: number): string {
  return `${String(Math.round(startMs)).padStart(13, '0')}-${Math.max(1, Math.round(durationMs))}.mp4`;
}

/** The start and duration a finished segment's name holds, or undefined for any other name. */
export function parseSegmentName(name: string): { startMs: number; durationMs: number } | undefined {
  const match = NAME.exec(name);
  if (match === null) return undefined;
  return { startMs: Number(match[1]), durationMs: Number(match[2]) };
}

/** Whether a folder name is a day folder (`YYYY-MM-DD`). */
export function isDayFolder(name: string): boolean {
  return DAY.test(name);
}

/** The day folder (UTC) a segment starting at `startMs` goes in. */
export function dayFolder(startMs: number): string {
  return new Date(startMs).toISOString().slice(0, 10);
}

/** A camera's folder. */
export function cameraFolder(root: string, cameraId: string): string {
  return join(root, cameraId);
}

/** Where a finished segment of `cameraId` starting at `startMs` and lasting `durationMs` is kept. */
export function segmentPath(root: string, cameraId: string, startMs: number, durationMs: number): string {
  return join(root, cameraId, dayFolder(startMs), segmentName(startMs, durationMs));
}
