// The station's recording: a recorder per camera that records, the index of what is on disk, retention and the
// disk watch, and what the API asks (timelines, playback, exports). Cameras come from the camera store; changes
// arrive as station events; announcements go out on the same bus.
import { mkdir } from 'node:fs/promises';

import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import type { StationEvent } from '../../common/events';
import type { RecordingHealth, RecordingsQuery, RecordingTimeline } from '../../common/recording';
import { resolveQuota } from './disk-space';
import { exportMp4 } from './export';
import { openPlayback, type FollowOptions } from './playback';
import { RecorderPool } from './recorder-pool';
import { exportSpan, notInFuture, orderedRange, parseInstant, recordedSince } from './recording-queries';
import { cameraFolders, scanCamera } from './segment-scan';
import { SegmentIndex, isoSpans } from './segment-index';
import type { ExportStream, PlaybackStream, RecordingCameras, RecordingService } from './service';
import { StorageWatch } from './storage-watch';

/** What recording is started with. */
export interface RecordingsOptions {
  /** The recordings folder (`--recordings-dir`). */
  root: string;
  /** The byte quota (`--recordings-max-bytes`); default: kept from the first start, which chose 80 % of the free space. */
  maxBytes?: number | undefined;
  cameras: RecordingCameras;
  /** Station events in (camera changes), recording events out. */
  events: {
    publish(event: StationEvent): void;
    on(name: 'event', listener: (event: StationEvent) => void): void;
  };
  logger: Logger;
  ffmpeg?: string | undefined;
  /** How often retention and the disk are checked (default 5 s). */
  housekeepingMs?: number;
  follow?: FollowOptions;
}

/** The station's recording (RecordingService for the API and IPC). */
export class Recordings implements RecordingService {
  readonly #options: RecordingsOptions;
  readonly #index = new SegmentIndex();
  readonly #pool: RecorderPool;
  readonly #storage: StorageWatch;
  readonly #quota: { maxBytes: number; chosenNow: boolean };

  private constructor(options: RecordingsOptions, quota: { maxBytes: number; chosenNow: boolean }) {
    this.#options = options;
    this.#quota = quota;
    const publish = (event: StationEvent): void => {
      options.events.publish(event);
    };
    this.#pool = new RecorderPool({ ...options, index: this.#index, publish });
    this.#storage = new StorageWatch({
      ...options,
      maxBytes: quota.maxBytes,
      index: this.#index,
      publish,
      onFull: (full) => {
        this.#pool.setDiskFull(full);
      },
    });
  }

  /** Scans the recordings folder into the index, then starts the recorders and housekeeping. */
  static async start(options: RecordingsOptions): Promise<Recordings> {
    await mkdir(options.root, { recursive: true });
    const recordings = new Recordings(options, await resolveQuota(options.root, options.maxBytes));
    const ids = new Set([
      ...(await cameraFolders(options.root)),
      ...options.cameras.list().map((c) => c.camera_id),
    ]);
    for (const cameraId of ids) recordings.#index.load(cameraId, await scanCamera(options.root, cameraId));
    await recordings.#storage.check();
    options.events.on('event', (event) => {
      if (event.type.startsWith('camera.') && event.type !== 'camera.state') recordings.#pool.reconcile();
    });
    recordings.#pool.reconcile();
    recordings.#storage.start(options.housekeepingMs ?? 5_000);
    return recordings;
  }

  /** Stops every recorder (each finishes its segment) and housekeeping. */
  async stop(): Promise<void> {
    this.#storage.stop();
    await this.#pool.stopAll();
  }

  /** The byte quota, and whether this start chose it (the first start). */
  quota(): { maxBytes: number; chosenNow: boolean } {
    return { ...this.#quota };
  }

  /** The running recorder's ffmpeg pid of a camera (tests kill it). */
  recorderPid(cameraId: string): number | undefined {
    return this.#pool.pid(cameraId);
  }

  /** The recording part of /health. */
  health(): RecordingHealth {
    return {
      state: this.#storage.full ? 'disk_full' : 'ok',
      recording_cameras: this.#pool.recordingCount(),
      used_bytes: this.#index.totalBytes(),
      max_bytes: this.#quota.maxBytes,
      free_bytes: this.#storage.freeBytes,
    };
  }

  timeline(cameraId: string, query: RecordingsQuery): RecordingTimeline {
    this.#known(cameraId);
    const now = Date.now();
    const toMs = query.to === undefined ? now : parseInstant(query.to, 'to');
    const fromMs =
      query.from === undefined
        ? Math.min(this.#index.oldest(cameraId) ?? toMs, toMs)
        : parseInstant(query.from, 'from');
    notInFuture(fromMs, 'from', now);
    orderedRange(fromMs, toMs);
    const until = Math.min(toMs, now);
    const { spans, gaps } = this.#index.timeline(cameraId, fromMs, Math.max(fromMs, until));
    return {
      camera_id: cameraId,
      from: new Date(fromMs).toISOString(),
      to: new Date(Math.max(fromMs, until)).toISOString(),
      spans: isoSpans(spans),
      gaps: isoSpans(gaps),
    };
  }

  async playback(cameraId: string, from: string, signal: AbortSignal): Promise<PlaybackStream> {
    this.#known(cameraId);
    const fromMs = parseInstant(from, 'from');
    notInFuture(fromMs, 'from', Date.now());
    recordedSince(fromMs, this.#index.oldest(cameraId), cameraId);
    const playback = await openPlayback(this.#index, cameraId, fromMs, signal, this.#options.follow);
    return { start: new Date(playback.startMs).toISOString(), body: playback.body };
  }

  async exportClip(cameraId: string, from: string, to: string, by: string): Promise<ExportStream> {
    this.#known(cameraId);
    const fromMs = parseInstant(from, 'from');
    const toMs = parseInstant(to, 'to');
    notInFuture(fromMs, 'from', Date.now());
    orderedRange(fromMs, toMs);
    exportSpan(fromMs, toMs);
    recordedSince(fromMs, this.#index.oldest(cameraId), cameraId);
    const segments = this.#index.overlapping(cameraId, fromMs, toMs);
    if (segments.length === 0) {
      throw new VigilError(
        ErrorCode.RecordingNotFound,
        `Nothing is recorded for camera ${cameraId} in that span`,
        'from',
      );
    }
    const body = await exportMp4(this.#options.root, segments, fromMs, toMs, this.#options.ffmpeg);
    const fromIso = new Date(fromMs).toISOString();
    const toIso = new Date(toMs).toISOString();
    this.#options.logger.info({ camera: cameraId, from: fromIso, to: toIso, by }, 'recording exported');
    this.#options.events.publish({
      type: 'recording.exported',
      camera_id: cameraId,
      from: fromIso,
      to: toIso,
      by,
      at: new Date().toISOString(),
    });
    return { filename: `${cameraId}-${fromIso.replaceAll(':', '-')}.mp4`, body };
  }

  /** A camera the station has, or whose recordings are still on disk; else VIGIL_ERR_CAMERA_NOT_FOUND. */
  #known(cameraId: string): void {
    if (this.#options.cameras.get(cameraId) !== undefined || this.#index.oldest(cameraId) !== undefined)
      return;
    throw new VigilError(ErrorCode.CameraNotFound, `No camera ${cameraId}`, 'camera_id');
  }
}
