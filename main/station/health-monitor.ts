import type { Logger } from 'pino';

import type { StationEvent } from '../../common/events';
import type { Clock } from '../janus';
import type { CameraStore } from '../store/camera-store';
import type { StoredCamera } from '../store/stored-camera';
import {
  DEFAULT_HEALTH_THRESHOLDS,
  initialHealth,
  nextHealth,
  type HealthEffect,
  type HealthEvent,
  type HealthRecord,
  type HealthThresholds,
} from './camera-health';
import type { StationJanus } from './station-janus';

/** What the health monitor needs from the station. */
export interface HealthMonitorDeps {
  store: CameraStore;
  janus: StationJanus;
  logger: Logger;
  clock: Pick<Clock, 'now'>;
  emit(event: StationEvent): void;
  thresholds?: HealthThresholds;
  /** Viewer counts need one `info` per camera (and the session count one Admin call): every this many samples. */
  viewersEvery?: number;
  /** Whether this station's Janus holds the camera (cluster placement); default every stored camera. */
  holds?: ((cameraId: string) => boolean) | undefined;
}

/**
 * Tracks every camera's health from Janus (`list` for `age_ms`, `info` for viewers) through the camera
 * health machine (camera-health.ts), and runs its effects: announces each change of state. It also keeps the
 * number of Janus sessions, so `/health` (public) is answered from the last sample, never by a call to Janus.
 */
export class HealthMonitor {
  readonly #deps: HealthMonitorDeps;
  readonly #records = new Map<string, HealthRecord>();
  #samples = 0;
  #activeSessions = 0;

  constructor(deps: HealthMonitorDeps) {
    this.#deps = deps;
  }

  /** A camera's current health (a fresh `starting` record for one not seen yet). */
  get(cameraId: string): HealthRecord {
    return this.#records.get(cameraId) ?? initialHealth(this.#deps.clock.now());
  }

  /** The camera's mountpoint was (re)created. */
  started(cameraId: string): void {
    this.#step(cameraId, { kind: 'started', at: this.#deps.clock.now() });
  }

  /** The camera's mountpoint could not be created. */
  failed(cameraId: string, reason: string): void {
    this.#step(cameraId, { kind: 'error', at: this.#deps.clock.now(), reason });
  }

  /** The camera was disabled: no mountpoint, nothing to watch. */
  disabled(cameraId: string): void {
    this.#step(cameraId, { kind: 'disabled', at: this.#deps.clock.now() });
  }

  /** The camera left the store. */
  removed(cameraId: string): void {
    this.#records.delete(cameraId);
  }

  /** Janus sessions open on the gateway, as the last sample that counted them saw (0 before the first). */
  activeSessions(): number {
    return this.#activeSessions;
  }

  /** Looks at Janus once and folds what it says into every camera's health. */
  async sample(): Promise<void> {
    const { janus, store } = this.#deps;
    if (!janus.isUp) return;
    const mountpoints = new Map((await janus.listMountpoints()).map((m) => [m.id, m]));
    const withViewers = this.#samples++ % (this.#deps.viewersEvery ?? 5) === 0;
    if (withViewers) this.#activeSessions = await this.#sessionCount();
    const at = this.#deps.clock.now();
    for (const camera of store.list()) {
      if (this.#deps.holds?.(camera.camera_id) === false) continue;
      if (!camera.enabled) {
        this.#step(camera.camera_id, { kind: 'disabled', at });
        continue;
      }
      const mountpoint = mountpoints.get(camera.mountpoint.id);
      const record = this.#records.get(camera.camera_id);
      // No mountpoint yet (or a failed one): the reconciler's outcome decides the state until one exists.
      if (!mountpoint) continue;
      const viewers = withViewers ? await this.#viewers(camera) : (record?.viewers ?? 0);
      const ageMs = mountpoint.media?.find((m) => m.type === 'video')?.age_ms;
      this.#step(camera.camera_id, { kind: 'media', at, ageMs, viewers });
    }
  }

  async #sessionCount(): Promise<number> {
    try {
      return await this.#deps.janus.sessionCount();
    } catch (error) {
      this.#deps.logger.debug({ err: error }, 'could not count the Janus sessions');
      return this.#activeSessions;
    }
  }

  async #viewers(camera: StoredCamera): Promise<number> {
    const mountpointId = camera.mountpoint.id;
    try {
      const secret = await this.#deps.store.unsealMountpointSecret(camera);
      return await this.#deps.janus.viewerCount(mountpointId, secret);
    } catch (error) {
      this.#deps.logger.debug({ err: error, mountpointId }, 'could not read viewer count');
      return this.#records.get(camera.camera_id)?.viewers ?? 0;
    }
  }

  #step(cameraId: string, event: HealthEvent): void {
    const previous = this.#records.get(cameraId) ?? initialHealth(event.at);
    const { state, effects } = nextHealth(
      previous,
      event,
      this.#deps.thresholds ?? DEFAULT_HEALTH_THRESHOLDS,
    );
    this.#records.set(cameraId, state);
    for (const effect of effects) this.#announce(cameraId, effect);
  }

  /** Runs an `announce` effect: the camera's state changed. */
  #announce(cameraId: string, effect: HealthEffect): void {
    this.#deps.emit({
      type: 'camera.state',
      camera_id: cameraId,
      state: effect.state,
      previous: effect.previous,
      ...(effect.reason === undefined ? {} : { reason: effect.reason }),
      at: new Date(effect.at).toISOString(),
    });
  }
}
