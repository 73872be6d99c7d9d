// Housekeeping of the recordings folder, every few seconds: retention (retention.ts) deletes what is too old or
// over the quota, then the disk is checked — below its floor of free space every recorder stops with a desk alert
// (`recording.storage` disk_full, and /health), and they start again once space is back.
import { rm } from 'node:fs/promises';

import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import type { StationEvent } from '../../common/events';
import { diskFull, diskSpace } from './disk-space';
import type { RecordingCameras } from './service';
import { retentionPlan } from './retention';
import type { SegmentIndex } from './segment-index';

/** What the watch needs. */
export interface StorageWatchOptions {
  root: string;
  maxBytes: number;
  cameras: RecordingCameras;
  index: SegmentIndex;
  publish: (event: StationEvent) => void;
  logger: Logger;
  /** The disk became full (true) or has room again (false). */
  onFull: (full: boolean) => void;
}

/** Retention and the disk-full watch. */
export class StorageWatch {
  readonly #options: StorageWatchOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #busy = false;
  /** Whether the disk counts as full now. */
  full = false;
  /** Free bytes at the last check. */
  freeBytes = 0;

  constructor(options: StorageWatchOptions) {
    this.#options = options;
  }

  /** Checks every `everyMs`. */
  start(everyMs: number): void {
    this.#timer = setInterval(() => {
      if (this.#busy) return;
      runInBackground(this.check(), (error: unknown) => {
        this.#options.logger.warn({ err: error }, 'recordings housekeeping failed');
      });
    }, everyMs);
    this.#timer.unref();
  }

  /** Stops checking. */
  stop(): void {
    clearInterval(this.#timer);
  }

  /** Applies retention, then looks at the disk. */
  async check(): Promise<void> {
    this.#busy = true;
    try {
      await this.#retain();
      await this.#watchDisk();
    } finally {
      this.#busy = false;
    }
  }

  async #retain(): Promise<void> {
    const { index, cameras, maxBytes, logger } = this.#options;
    const plan = retentionPlan(
      index.cameras().map((cameraId) => ({
        cameraId,
        segments: index.segments(cameraId),
        retentionHours: cameras.get(cameraId)?.recording?.retention_hours,
      })),
      maxBytes,
      Date.now(),
    );
    for (const { cameraId, segment } of plan) {
      index.remove(cameraId, segment.path);
      await rm(segment.path, { force: true });
    }
    if (plan.length > 0) logger.debug({ segments: plan.length }, 'retention removed segments');
  }

  async #watchDisk(): Promise<void> {
    const { freeBytes, totalBytes } = await diskSpace(this.#options.root);
    this.freeBytes = freeBytes;
    const full = diskFull(freeBytes, totalBytes, this.full);
    if (full === this.full) return;
    this.full = full;
    const reason = full
      ? `the recordings disk is full (${freeBytes} bytes free): recorders stopped until space is back`
      : `the recordings disk has room again (${freeBytes} bytes free): recorders start again`;
    if (full) this.#options.logger.error({ free_bytes: freeBytes }, reason);
    else this.#options.logger.info({ free_bytes: freeBytes }, reason);
    this.#options.publish({
      type: 'recording.storage',
      state: full ? 'disk_full' : 'ok',
      free_bytes: freeBytes,
      reason,
      at: new Date().toISOString(),
    });
    this.#options.onFull(full);
  }
}
