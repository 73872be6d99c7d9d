// What the REST API and IPC ask of recording: a camera's timeline, a playback stream and an export. The
// Recordings class (recordings.ts) serves it; the API depends only on this interface.
import type { Readable } from 'node:stream';

import type { RecordingHealth, RecordingsQuery, RecordingTimeline } from '../../common/recording';
import type { StoredCamera } from '../store/stored-camera';

/** A playback stream: fragmented MP4 and the wall-clock instant of its media time 0. */
export interface PlaybackStream {
  /** ISO instant of media time 0 (`X-Vigil-Playback-Start`). */
  start: string;
  body: Readable;
}

/** An export being made: a standard MP4 and the file name it is offered under. */
export interface ExportStream {
  filename: string;
  body: Readable;
}

/** The recording service the API and IPC serve (`recordings.*` of the operation table). */
export interface RecordingService {
  /** Spans and gaps of a camera within the query's range; bad dates are VIGIL_ERR_VALIDATION naming the field. */
  timeline(cameraId: string, query: RecordingsQuery): RecordingTimeline;
  /** A playback stream from `from` (ISO); it follows the live edge until `signal` aborts. */
  playback(cameraId: string, from: string, signal: AbortSignal): Promise<PlaybackStream>;
  /** An MP4 export of [from, to] (ISO, at most 24 h), logged and announced as `recording.exported` by `by`. */
  exportClip(cameraId: string, from: string, to: string, by: string): Promise<ExportStream>;
  /** The station-wide recording state for /health. */
  health(): RecordingHealth;
}

/** The cameras as recording needs them: the records and their passwords (the camera store). */
export interface RecordingCameras {
  list(): readonly StoredCamera[];
  get(cameraId: string): StoredCamera | undefined;
  unsealPassword(record: StoredCamera): Promise<string>;
}
