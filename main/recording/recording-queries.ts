// Checking what a caller asks of the recordings (pure): instants, ranges and spans, each refusal naming the field,
// why, and what to do. Nothing here touches the disk.
import { ErrorCode, VigilError } from '../../common/errors';
import { MAX_EXPORT_MS } from '../../common/recording';

/** How far in the future an instant may be (clocks of callers drift a little). */
export const FUTURE_SLACK_MS = 2_000;

/** The epoch milliseconds of an ISO instant, or a validation error naming `field`. */
export function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw new VigilError(
      ErrorCode.Validation,
      `${field} must be an ISO 8601 date-time with a time zone, e.g. 2026-12-02T09:30:00.000Z`,
      field,
    );
  }
  return ms;
}

/** Refuses an instant after now. */
export function notInFuture(ms: number, field: string, nowMs: number): void {
  if (ms > nowMs + FUTURE_SLACK_MS) {
    throw new VigilError(
      ErrorCode.Validation,
      `${field} is in the future (now is ${new Date(nowMs).toISOString()}): ask for a past instant`,
      field,
    );
  }
}

/** Refuses `to` before `from`. */
export function orderedRange(fromMs: number, toMs: number): void {
  if (toMs < fromMs) throw new VigilError(ErrorCode.Validation, 'to is before from: swap them', 'to');
}

/** Refuses an export longer than 24 hours. */
export function exportSpan(fromMs: number, toMs: number): void {
  if (toMs - fromMs > MAX_EXPORT_MS) {
    throw new VigilError(
      ErrorCode.Validation,
      'to is more than 24 hours after from: export at most 24 hours at a time',
      'to',
    );
  }
  if (toMs === fromMs) throw new VigilError(ErrorCode.Validation, 'to equals from: export a span', 'to');
}

/** Refuses an instant before the camera's oldest recording (or any instant when nothing is recorded). */
export function recordedSince(ms: number, oldestMs: number | undefined, cameraId: string): void {
  if (oldestMs === undefined) {
    throw new VigilError(ErrorCode.RecordingNotFound, `Nothing is recorded for camera ${cameraId}`, 'from');
  }
  if (ms < oldestMs) {
    throw new VigilError(
      ErrorCode.RecordingNotFound,
      `from is before camera ${cameraId}'s oldest recording (${new Date(oldestMs).toISOString()}): start there or later`,
      'from',
    );
  }
}
