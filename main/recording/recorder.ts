// A camera's recorder: runs ffmpeg (recorder-run.ts) again and again while the camera records — a run that ends
// is restarted on the one backoff, its reason logged and announced — until it is stopped (recording turned off,
// the disk full, the station stopping).
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { Backoff } from '../../common/backoff';
import type { RecordingStopCause } from '../../common/events';
import { stopWithGrace } from '../base/stop-with-grace';
import type { RecorderSource } from './ffmpeg-args';
import { RecorderRun, type RunEnd } from './recorder-run';
import type { SegmentFile } from './segment-files';

/** What a recorder tells its owner. */
export interface RecorderEvents {
  /** The first segment of a run was finished: the camera is being recorded. */
  started(): void;
  /** A run ended (`failed`, with when it retries) or the recorder was stopped. */
  stopped(cause: RecordingStopCause, reason: string, retryAt: number | undefined): void;
  segment(segment: SegmentFile): void;
}

/** What a recorder needs. */
export interface RecorderOptions {
  root: string;
  cameraId: string;
  /** The camera's source, read at each run (its password unsealed then). */
  source: () => Promise<RecorderSource>;
  events: RecorderEvents;
  logger: Logger;
  ffmpeg?: string | undefined;
  now?: () => number;
  /** Restart pacing (default 1 s doubling to 30 s). */
  backoff?: { initialDelayMs: number; maxDelayMs: number };
}

/** How long ffmpeg may take to finish its segment after SIGTERM. */
const STOP_GRACE_MS = 3_000;

/** A supervised recorder for one camera. */
export class Recorder {
  readonly #options: RecorderOptions;
  readonly #backoff: Backoff;
  #run: RecorderRun | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #begun = false;

  constructor(options: RecorderOptions) {
    this.#options = options;
    this.#backoff = new Backoff(
      { initialDelayMs: 1_000, maxDelayMs: 30_000, jitter: 0.2, ...options.backoff },
      Math.random,
    );
  }

  /** The running ffmpeg's process id (tests kill it). */
  get pid(): number | undefined {
    return this.#run?.pid;
  }

  /** Starts recording (once). */
  start(): void {
    if (this.#begun) return;
    this.#begun = true;
    this.#background();
  }

  /** Stops recording: ffmpeg finishes its segment (SIGTERM, then SIGKILL after 3 s); resolves once it has. */
  async stop(cause: RecordingStopCause, reason: string): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    const run = this.#run;
    if (run !== undefined) {
      await stopWithGrace(
        (signal) => {
          run.kill(signal);
        },
        run.ended,
        STOP_GRACE_MS,
      );
    }
    this.#options.events.stopped(cause, reason, undefined);
  }

  #background(): void {
    runInBackground(this.#runOnce(), (error: unknown) => {
      this.#options.logger.error({ err: error }, 'the recorder failed');
    });
  }

  async #runOnce(): Promise<void> {
    const { logger, events } = this.#options;
    let end: RunEnd;
    try {
      const source = await this.#options.source();
      if (this.#stopped) return;
      let started = false;
      const run = new RecorderRun({
        root: this.#options.root,
        cameraId: this.#options.cameraId,
        source,
        ffmpeg: this.#options.ffmpeg,
        now: this.#options.now ?? Date.now,
        onSegment: (segment) => {
          if (!started) {
            started = true;
            this.#backoff.reset();
            events.started();
          }
          events.segment(segment);
        },
        onError: (error: unknown) => {
          logger.warn({ err: error }, 'a recorded segment could not be finished');
        },
      });
      this.#run = run;
      end = await run.ended;
    } catch (error) {
      end = { segments: 0, reason: error instanceof Error ? error.message : String(error) };
    }
    this.#run = undefined;
    if (this.#stopped) return;
    const delay = this.#backoff.next() ?? 30_000;
    const retryAt = (this.#options.now ?? Date.now)() + delay;
    logger.warn({ reason: end.reason, segments: end.segments, retry_in_ms: delay }, 'recorder stopped');
    events.stopped('failed', end.reason, retryAt);
    this.#timer = setTimeout(() => {
      if (!this.#stopped) this.#background();
    }, delay);
  }
}
