// The station's side of the health board: the health of every camera its gateway holds, written on each change
// of state (camera.state) and every 5 s, so the other stations answer for those cameras and their doors know
// when a moved camera plays again.
import type { Logger } from 'pino';

import type { StationEvent } from '../../common/events';
import type { HealthReport } from '../../common/health';
import type { Clock } from '../janus';
import type { CameraHealthBoard, PublishedHealth } from './camera-health-board';

/** How often every held camera's health is written again. */
export const HEALTH_REPUBLISH_MS = 5_000;

/** Where the station's health comes from (the Station, once it runs). */
export interface HealthSource {
  health(detailed: boolean): Promise<HealthReport>;
}

/** What publishing needs. */
export interface HealthPublisherDeps {
  board: Pick<CameraHealthBoard, 'put'>;
  gatewayId: string;
  /** Whether this station's gateway holds the camera now. */
  holds(cameraId: string): boolean;
  clock: Clock;
  logger: Logger;
  republishMs?: number;
}

/** Publishes held cameras' health; `viewers()` sums the viewers of the held cameras as last published. */
export class HealthPublisher {
  readonly #deps: HealthPublisherDeps;
  readonly #last = new Map<string, PublishedHealth>();
  #source: HealthSource | undefined;
  #cancel: (() => void) | undefined;

  constructor(deps: HealthPublisherDeps) {
    this.#deps = deps;
  }

  /** Starts the periodic publication from `source`. */
  start(source: HealthSource): void {
    this.#source = source;
    const tick = (): void => {
      this.#cancel = this.#deps.clock.setTimeout(tick, this.#deps.republishMs ?? HEALTH_REPUBLISH_MS);
      this.#publishAll().catch((error: unknown) => {
        this.#deps.logger.warn({ err: error }, 'could not publish camera health');
      });
    };
    this.#cancel?.();
    this.#cancel = this.#deps.clock.setTimeout(tick, 0);
  }

  /** Stops publishing. */
  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }

  /** Viewers of the cameras this gateway holds, as last published. */
  viewers(): number {
    let sum = 0;
    for (const [cameraId, health] of this.#last) if (this.#deps.holds(cameraId)) sum += health.viewers;
    return sum;
  }

  /** Publishes a held camera's change of state at once (viewers and reconnects as last known). */
  onEvent(event: StationEvent): void {
    if (event.type !== 'camera.state' || !this.#deps.holds(event.camera_id)) return;
    const last = this.#last.get(event.camera_id);
    this.#put(event.camera_id, {
      gateway_id: this.#deps.gatewayId,
      state: event.state,
      since: event.at,
      ...(event.reason === undefined ? {} : { reason: event.reason }),
      viewers: last?.viewers ?? 0,
      reconnects: last?.reconnects ?? 0,
      at: new Date(this.#deps.clock.now()).toISOString(),
    });
  }

  async #publishAll(): Promise<void> {
    if (this.#source === undefined) return;
    const report = await this.#source.health(true);
    const at = new Date(this.#deps.clock.now()).toISOString();
    for (const camera of report.cameras ?? []) {
      if (!this.#deps.holds(camera.camera_id) || camera.state === 'disabled') continue;
      this.#put(camera.camera_id, {
        gateway_id: this.#deps.gatewayId,
        state: camera.state,
        since: camera.since,
        ...(camera.reason === undefined ? {} : { reason: camera.reason }),
        viewers: camera.viewers,
        reconnects: camera.reconnects,
        at,
      });
    }
  }

  #put(cameraId: string, health: PublishedHealth): void {
    this.#last.set(cameraId, health);
    this.#deps.board.put(cameraId, health).catch((error: unknown) => {
      this.#deps.logger.debug({ err: error, cameraId }, 'could not publish a camera health');
    });
  }
}
