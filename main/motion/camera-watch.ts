// One camera under motion detection: ffmpeg decodes it into small frames, the detector compares them, and the
// run is supervised — a run that ends (the camera went away, ffmpeg failed) or stalls (no frame for a while)
// ends any motion going on and starts again after a growing pause.
import { setTimeout as sleep } from 'node:timers/promises';

import type { Logger } from 'pino';

import { Backoff, type BackoffOptions } from '../../common/backoff';
import { runInBackground } from '../../common/background';
import type { MotionSettings } from '../../common/motion';
import type { FrameStream, FrameStreamEnd, FrameStreamOptions } from './ffmpeg-frames';
import { ANALYSIS_FPS, ANALYSIS_GRID, MotionDetector, type MotionChange } from './motion-detector';

/** Where a camera's pictures come from, looked up again before every run (its URL or password may change). */
export interface WatchSource {
  url: string;
  username: string;
  password: string;
}

/** What a watch needs. */
export interface CameraWatchOptions {
  cameraId: string;
  settings: MotionSettings;
  source(): Promise<WatchSource>;
  /** Motion started or ended on this camera. */
  onChange(change: MotionChange): void;
  logger: Logger;
  /** Starts ffmpeg (main/motion/ffmpeg-frames.ts; unit tests pass a fake). */
  startStream(options: FrameStreamOptions, onFrame: (frame: Uint8Array, at: number) => void): FrameStream;
  ffmpeg?: string | undefined;
  backoff?: BackoffOptions;
  /** A run with no frame for this long is killed and started again (ms). */
  stallMs?: number;
  /** A run that has delivered frames this long counts as healthy: the pause before the next goes back to short (ms). */
  healthyAfterMs?: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialDelayMs: 1_000, maxDelayMs: 30_000, jitter: 0.3 };
const DEFAULT_STALL_MS = 10_000;
const DEFAULT_HEALTHY_AFTER_MS = 10_000;

/**
 * Detects motion on one camera until stopped.
 * @example
 * const watch = new CameraWatch({ cameraId, settings, source, onChange, logger, startStream: startFrameStream });
 * watch.start();
 * await watch.stop();
 */
export class CameraWatch {
  readonly #options: CameraWatchOptions;
  readonly #backoff: Backoff;
  readonly #stopping = new AbortController();
  #stream: FrameStream | undefined;
  #loop: Promise<void> | undefined;
  #active = false;
  #runs = 0;
  #frames = 0;

  constructor(options: CameraWatchOptions) {
    this.#options = options;
    this.#backoff = new Backoff({ ...DEFAULT_BACKOFF, ...options.backoff }, Math.random);
  }

  /** Whether motion is going on now. */
  get active(): boolean {
    return this.#active;
  }

  /** ffmpeg runs started so far (the first, then one per restart). */
  get runs(): number {
    return this.#runs;
  }

  /** Frames compared so far, over every run. */
  get frames(): number {
    return this.#frames;
  }

  /** The running ffmpeg's PID, if one runs. */
  get pid(): number | undefined {
    return this.#stream?.pid;
  }

  /** Starts watching (once). */
  start(): void {
    this.#loop ??= this.#run();
    runInBackground(this.#loop, (error: unknown) => {
      this.#options.logger.error({ err: error, cameraId: this.#options.cameraId }, 'motion watch failed');
    });
  }

  /** Stops ffmpeg and the restarts; motion going on ends. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#stream?.stop();
    await this.#loop?.catch(() => undefined);
  }

  async #run(): Promise<void> {
    const { logger, cameraId } = this.#options;
    const stopped = this.#stopping.signal;
    while (!this.#stopped()) {
      const source = await this.#options.source();
      if (this.#stopped()) return;
      const outcome = await this.#once(source);
      if (this.#stopped()) return;
      if (outcome.healthy) this.#backoff.reset();
      const delay = this.#backoff.next() ?? DEFAULT_BACKOFF.maxDelayMs ?? 30_000;
      logger.warn(
        {
          cameraId,
          code: outcome.end.code,
          signal: outcome.end.signal,
          stderr: outcome.end.stderr,
          retryInMs: delay,
        },
        whyRestart(outcome),
      );
      await sleep(delay, undefined, { signal: stopped }).catch(() => undefined);
    }
  }

  /** One ffmpeg run: frames through a fresh detector until it ends; motion going on ends with it. */
  async #once(source: WatchSource) {
    const { settings, stallMs = DEFAULT_STALL_MS, healthyAfterMs = DEFAULT_HEALTHY_AFTER_MS } = this.#options;
    const detector = new MotionDetector(settings);
    const startedAt = Date.now();
    let firstFrameAt: number | undefined;
    let lastFrameAt = startedAt;
    let stalled = false;
    this.#runs++;
    const stream = (this.#stream = this.#options.startStream(
      { ...source, grid: ANALYSIS_GRID, fps: ANALYSIS_FPS, ffmpeg: this.#options.ffmpeg },
      (frame, at) => {
        firstFrameAt ??= at;
        lastFrameAt = at;
        this.#frames++;
        const { change } = detector.push(frame, at);
        if (change !== undefined) this.#changed(change);
      },
    ));
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastFrameAt <= stallMs) return;
        stalled = true;
        stream.kill();
      },
      Math.min(1_000, stallMs),
    );
    try {
      const end = await stream.exited;
      const healthy = firstFrameAt !== undefined && lastFrameAt - firstFrameAt >= healthyAfterMs;
      return { end, stalled, healthy };
    } finally {
      clearInterval(watchdog);
      this.#stream = undefined;
      const ended = detector.interrupt(Date.now());
      if (ended !== undefined) this.#changed(ended);
    }
  }

  /** A method rather than `signal.aborted` inline: TypeScript would take the flag as unchanged across awaits. */
  #stopped(): boolean {
    return this.#stopping.signal.aborted;
  }

  #changed(change: MotionChange): void {
    this.#active = change.kind === 'start';
    this.#options.onChange(change);
  }
}

/** What the log says when a run ended: a missing ffmpeg names the package to install. */
function whyRestart(outcome: { stalled: boolean; end: FrameStreamEnd }): string {
  if (outcome.stalled) return 'motion detection: no frames; restarting ffmpeg';
  if (/ENOENT/.test(outcome.end.stderr)) {
    return 'motion detection needs ffmpeg on PATH (Debian: apt-get install ffmpeg); trying again';
  }
  return 'motion detection: ffmpeg ended; restarting';
}
