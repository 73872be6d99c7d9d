// Motion detection for the whole station: one CameraWatch per enabled camera with `motion.enabled`, kept in line
// with the camera store (added, changed, removed cameras, at start and on every camera event). Each change of
// motion sets the camera's `motion` flag (Station.setMotion → health, `camera.motion` event, tiles) and goes to
// the alarms (MotionAlarms) when the station has them.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import { runInBackground } from '../../common/background';
import type { StationEvent } from '../../common/events';
import type { MotionSettings } from '../../common/motion';
import type { AlarmService } from '../alarms/service';
import type { CameraStore } from '../store/camera-store';
import type { StoredCamera } from '../store/stored-camera';
import { CameraWatch, type CameraWatchOptions } from './camera-watch';
import { startFrameStream } from './ffmpeg-frames';
import { MotionAlarms } from './motion-alarms';
import { registerMotionMetrics } from './motion-metrics';
import type { MotionChange } from './motion-detector';

/** What motion detection needs from the station. */
export interface MotionServiceOptions {
  store: Pick<CameraStore, 'list' | 'get' | 'unsealPassword'>;
  station: {
    setMotion(cameraId: string, motion: boolean, at?: number): void;
    onEvent(listener: (event: StationEvent) => void): () => void;
  };
  /** Where motion alarms go; without it motion only sets the cameras' flag. */
  alarms?: Pick<AlarmService, 'raise' | 'end' | 'get'> | undefined;
  logger: Logger;
  /** Where the motion gauges go (`/metrics`). */
  metrics?: Registry | undefined;
  /** The ffmpeg binary (default `ffmpeg` on PATH). */
  ffmpeg?: string | undefined;
  /** Starts ffmpeg (unit tests pass a fake). */
  startStream?: CameraWatchOptions['startStream'];
  /** The watches' restart pacing and stall limit (tests shorten them). */
  watch?: Pick<CameraWatchOptions, 'backoff' | 'stallMs' | 'healthyAfterMs'>;
}

/** One watched camera: its watch and what it was started with (a change of either restarts it). */
interface Watched {
  watch: CameraWatch;
  key: string;
}

/**
 * Runs motion detection on every camera that asks for it, until stopped.
 * @example
 * const motion = MotionService.start({ store, station, alarms, logger });
 * await motion.stop();
 */
export class MotionService {
  readonly #options: MotionServiceOptions;
  readonly #watched = new Map<string, Watched>();
  readonly #alarms: MotionAlarms | undefined;
  readonly #unsubscribe: () => void;
  #stopped = false;

  private constructor(options: MotionServiceOptions) {
    this.#options = options;
    this.#alarms =
      options.alarms === undefined
        ? undefined
        : new MotionAlarms(options.alarms, options.logger.child({ name: 'motion/alarms' }));
    this.#unsubscribe = options.station.onEvent((event) => {
      if (
        event.type === 'camera.added' ||
        event.type === 'camera.updated' ||
        event.type === 'camera.removed' ||
        event.type === 'camera.moved'
      ) {
        this.sync();
      }
    });
  }

  /** Starts watching every camera with motion detection on. */
  static start(options: MotionServiceOptions): MotionService {
    const service = new MotionService(options);
    if (options.metrics !== undefined) registerMotionMetrics(options.metrics, () => service.status());
    service.sync();
    return service;
  }

  /** The cameras being watched now: ffmpeg's PID (undefined between runs), runs, frames compared, motion. */
  status(): { camera_id: string; pid: number | undefined; runs: number; frames: number; motion: boolean }[] {
    return [...this.#watched].map(([cameraId, { watch }]) => ({
      camera_id: cameraId,
      pid: watch.pid,
      runs: watch.runs,
      frames: watch.frames,
      motion: watch.active,
    }));
  }

  /** Brings the watches in line with the store: starts, restarts (settings or source changed) and stops them. */
  sync(): void {
    if (this.#stopped) return;
    const wanted = new Map<string, StoredCamera>();
    for (const camera of this.#options.store.list()) {
      if (camera.enabled && camera.motion?.enabled === true) wanted.set(camera.camera_id, camera);
    }
    for (const [cameraId, watched] of this.#watched) {
      const camera = wanted.get(cameraId);
      if (camera === undefined || watchKey(camera) !== watched.key) this.#unwatch(cameraId, watched);
    }
    for (const [cameraId, camera] of wanted) {
      if (!this.#watched.has(cameraId) && camera.motion !== undefined) this.#watch(camera, camera.motion);
    }
  }

  /** Stops every watch (motion going on ends) and stops following the store. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe();
    const watches = [...this.#watched.values()].map(({ watch }) => watch.stop());
    this.#watched.clear();
    await Promise.all(watches);
  }

  #watch(camera: StoredCamera, settings: MotionSettings): void {
    const { camera_id: cameraId } = camera;
    const { logger, store } = this.#options;
    const watch = new CameraWatch({
      cameraId,
      settings,
      source: async () => {
        const current = store.get(cameraId) ?? camera;
        return {
          url: current.substream_url ?? current.rtsp_url,
          username: current.username,
          password: await store.unsealPassword(current),
        };
      },
      onChange: (change) => {
        this.#changed(cameraId, settings, change);
      },
      logger: logger.child({ name: 'motion/watch' }),
      startStream: this.#options.startStream ?? startFrameStream,
      ffmpeg: this.#options.ffmpeg,
      ...this.#options.watch,
    });
    this.#watched.set(cameraId, { watch, key: watchKey(camera) });
    watch.start();
    logger.info({ cameraId, sensitivity: settings.sensitivity }, 'motion detection on');
  }

  #unwatch(cameraId: string, watched: Watched): void {
    this.#watched.delete(cameraId);
    runInBackground(watched.watch.stop(), (error: unknown) => {
      this.#options.logger.warn({ err: error, cameraId }, 'could not stop a motion watch');
    });
    if (this.#options.store.get(cameraId) === undefined) this.#alarms?.forget(cameraId);
  }

  #changed(cameraId: string, settings: MotionSettings, change: MotionChange): void {
    const { station, logger, store } = this.#options;
    station.setMotion(cameraId, change.kind === 'start', change.at);
    logger.info({ cameraId, change }, change.kind === 'start' ? 'motion started' : 'motion ended');
    const alarms = this.#alarms;
    if (alarms === undefined) return;
    const name = store.get(cameraId)?.name ?? cameraId;
    runInBackground(
      alarms.changed({ camera_id: cameraId, name, severity: settings.severity }, change),
      (error) => {
        logger.warn({ err: error, cameraId }, 'motion alarm failed');
      },
    );
  }
}

/** What a watch depends on: its settings and where and how it reads the camera. */
function watchKey(camera: StoredCamera): string {
  return JSON.stringify([
    camera.motion,
    camera.substream_url ?? camera.rtsp_url,
    camera.username,
    camera.password_sealed,
  ]);
}
