import type { Logger } from 'pino';

import type { StationEvent } from '../../common/events';
import type { CameraStore } from '../store/camera-store';
import {
  DEFAULT_HEALTH_THRESHOLDS,
  initialHealth,
  nextHealth,
  type HealthRecord,
  type HealthSample,
  type HealthThresholds,
} from './camera-health';
import type { JanusLink } from './janus-link';

/** What the health monitor needs from the station. */
export interface HealthMonitorDeps {
  store: CameraStore;
  link: JanusLink;
  logger: Logger;
  emit(event: StationEvent): void;
  thresholds?: HealthThresholds;
  /** Viewer counts need one `info` per camera: fetched every this many samples. */
  viewersEvery?: number;
  now?: () => number;
}

/** Tracks every camera's health from Janus (`list` for `age_ms`, `info` for viewers) and announces changes. */
export class HealthMonitor {
  readonly #deps: HealthMonitorDeps;
  readonly #records = new Map<string, HealthRecord>();
  readonly #now: () => number;
  #samples = 0;

  constructor(deps: HealthMonitorDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /** A camera's current health (a fresh `starting` record for one not seen yet). */
  get(cameraId: string): HealthRecord {
    return this.#records.get(cameraId) ?? initialHealth(this.#now());
  }

  /** The camera's mountpoint was (re)created. */
  started(cameraId: string): void {
    this.#fold(cameraId, { kind: 'started', at: this.#now() });
  }

  /** The camera's mountpoint could not be created. */
  failed(cameraId: string, reason: string): void {
    this.#fold(cameraId, { kind: 'error', at: this.#now(), reason });
  }

  /** The camera was disabled: no mountpoint, nothing to watch. */
  disabled(cameraId: string): void {
    this.#fold(cameraId, { kind: 'disabled', at: this.#now() });
  }

  /** The camera left the store. */
  removed(cameraId: string): void {
    this.#records.delete(cameraId);
  }

  /** Looks at Janus once and folds what it says into every camera's health. */
  async sample(): Promise<void> {
    const { link, store } = this.#deps;
    if (!link.isUp) return;
    const streaming = link.streaming();
    const mountpoints = new Map((await streaming.list()).map((m) => [m.id, m]));
    const withViewers = this.#samples++ % (this.#deps.viewersEvery ?? 5) === 0;
    const at = this.#now();
    for (const camera of store.list()) {
      if (!camera.enabled) {
        this.#fold(camera.camera_id, { kind: 'disabled', at });
        continue;
      }
      const mountpoint = mountpoints.get(camera.mountpoint.id);
      const record = this.#records.get(camera.camera_id);
      // No mountpoint yet (or a failed one): the reconciler's outcome decides the state until one exists.
      if (!mountpoint) continue;
      const viewers = withViewers
        ? await this.#viewers(camera.mountpoint.id, camera)
        : (record?.viewers ?? 0);
      const ageMs = mountpoint.media?.find((m) => m.type === 'video')?.age_ms;
      this.#fold(camera.camera_id, { kind: 'media', at, ageMs, viewers });
    }
  }

  async #viewers(
    mountpointId: number,
    camera: Parameters<CameraStore['unsealMountpointSecret']>[0],
  ): Promise<number> {
    try {
      const secret = await this.#deps.store.unsealMountpointSecret(camera);
      return (await this.#deps.link.streaming().info(mountpointId, { secret })).viewers ?? 0;
    } catch (error) {
      this.#deps.logger.debug({ err: error, mountpointId }, 'could not read viewer count');
      return this.#records.get(camera.camera_id)?.viewers ?? 0;
    }
  }

  #fold(cameraId: string, sample: HealthSample): void {
    const previous = this.#records.get(cameraId) ?? initialHealth(sample.at);
    const next = nextHealth(previous, sample, this.#deps.thresholds ?? DEFAULT_HEALTH_THRESHOLDS);
    this.#records.set(cameraId, next);
    if (next.state !== previous.state) {
      this.#deps.emit({
        type: 'camera.state',
        camera_id: cameraId,
        state: next.state,
        previous: previous.state,
        ...(next.reason ? { reason: next.reason } : {}),
        at: new Date(sample.at).toISOString(),
      });
    }
  }
}
