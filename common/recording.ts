// The recording and playback contract (camera.ts imports this file, so it imports no camera schema): a camera's recording settings, the queries of /recordings, /playback and
// /export.mp4, the timeline answer, and how a player maps media time to wall-clock time. No Node or DOM here.
import { Type, type Static } from 'typebox';

import { ISO_INSTANT, SLUG } from './patterns';

/** Longest a retention may be: 90 days. */
export const MAX_RETENTION_HOURS = 24 * 90;
/** Longest span one export may cover. */
export const MAX_EXPORT_MS = 24 * 60 * 60 * 1000;

/** Whether and how a camera records: `off`, or `continuous` (around the clock). */
export const RecordingMode = Type.Union([Type.Literal('off'), Type.Literal('continuous')]);

/** The recording mode. */
export type RecordingMode = Static<typeof RecordingMode>;

/** A camera's optional `recording` field (absent = off): the mode, and how many hours of video to keep. */
export const RecordingSettings = Type.Object(
  {
    mode: RecordingMode,
    retention_hours: Type.Integer({
      minimum: 1,
      maximum: MAX_RETENTION_HOURS,
      description:
        'Hours of video kept; older segments go first (the station-wide byte quota may cut sooner)',
    }),
  },
  { additionalProperties: false, $id: 'RecordingSettings' },
);

/** A camera's recording settings. */
export type RecordingSettings = Static<typeof RecordingSettings>;

/** An instant as the recording routes take it: ISO 8601 with a time zone, e.g. `2026-12-02T09:30:00.000Z`. */
export const Instant = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: ISO_INSTANT.pattern,
  description: 'ISO 8601 date-time with a time zone, e.g. 2026-12-02T09:30:00.000Z',
});

/** `GET /cameras/{id}/recordings?from=&to=`: the range asked about (default: the oldest recording to now). */
export const RecordingsQuery = Type.Object(
  { from: Type.Optional(Instant), to: Type.Optional(Instant) },
  { additionalProperties: false, $id: 'RecordingsQuery' },
);

/** The recordings query. */
export type RecordingsQuery = Static<typeof RecordingsQuery>;

/** `GET /cameras/{id}/playback?from=`: where playback starts. */
export const PlaybackQuery = Type.Object(
  { from: Instant },
  { additionalProperties: false, $id: 'PlaybackQuery' },
);

/** The playback query. */
export type PlaybackQuery = Static<typeof PlaybackQuery>;

/** `GET /cameras/{id}/export.mp4?from=&to=`: the span exported (at most 24 hours). */
export const ExportQuery = Type.Object(
  { from: Instant, to: Instant },
  { additionalProperties: false, $id: 'ExportQuery' },
);

/** The export query. */
export type ExportQuery = Static<typeof ExportQuery>;

/** A stretch of time, ISO 8601 UTC with milliseconds. */
export const TimeSpan = Type.Object({
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
});

/** A stretch of time. */
export type TimeSpan = Static<typeof TimeSpan>;

/**
 * What is on disk for a camera within [from, to]: `spans` recorded (start/end from the media timestamps) and
 * the `gaps` between them, in time order; together they cover [from, to] (`to` is at most now).
 */
export const RecordingTimeline = Type.Object(
  {
    camera_id: Type.String({ pattern: SLUG.pattern }),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    spans: Type.Array(TimeSpan),
    gaps: Type.Array(TimeSpan),
  },
  { $id: 'RecordingTimeline' },
);

/** A camera's recording timeline. */
export type RecordingTimeline = Static<typeof RecordingTimeline>;

/** A fragmented (playback) or standard (export) MP4 body. */
export const Mp4Body = Type.String({ format: 'binary', description: 'video/mp4' });

/** The header of a playback answer giving the wall-clock instant (ISO) of media time 0. */
export const PLAYBACK_START_HEADER = 'X-Vigil-Playback-Start';

/** The media type of playback and export answers. */
export const MP4_TYPE = 'video/mp4';

/** The station-wide recording state `/health` reports (absent when no camera records and none ever did). */
export const RecordingHealth = Type.Object({
  state: Type.Union([Type.Literal('ok'), Type.Literal('disk_full')]),
  recording_cameras: Type.Integer({ description: 'Cameras whose recorder is writing now' }),
  used_bytes: Type.Integer({ description: 'Bytes the recordings take' }),
  max_bytes: Type.Integer({ description: 'The byte quota (--recordings-max-bytes)' }),
  free_bytes: Type.Integer({ description: "Free bytes on the recordings folder's disk" }),
});

/** The recording part of the health report. */
export type RecordingHealth = Static<typeof RecordingHealth>;

/** The path of a playback stream starting at `from` (a Date or ISO string), for fetch() or MSE. */
export function playbackPath(cameraId: string, from: Date | string): string {
  const at = typeof from === 'string' ? from : from.toISOString();
  return `/cameras/${encodeURIComponent(cameraId)}/playback?from=${encodeURIComponent(at)}`;
}

/** The path of an MP4 export of [from, to]. */
export function exportPath(cameraId: string, from: Date | string, to: Date | string): string {
  const iso = (value: Date | string): string =>
    encodeURIComponent(typeof value === 'string' ? value : value.toISOString());
  return `/cameras/${encodeURIComponent(cameraId)}/export.mp4?from=${iso(from)}&to=${iso(to)}`;
}

/** The wall-clock instant (ms since the epoch) shown at media time `seconds` of a playback started at `startIso`. */
export function wallClockAt(startIso: string, seconds: number): number {
  return Date.parse(startIso) + seconds * 1000;
}
