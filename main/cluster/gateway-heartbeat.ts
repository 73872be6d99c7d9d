// The heartbeat of the gateway a station manages: its registry entry written every second while the station's
// Janus link is up, and 'down' written at once when the link drops, so the others fail its cameras over without
// waiting for the heartbeat to expire.
import type { Logger } from 'pino';

import type { Clock } from '../janus';
import type { GatewayRecord } from './gateway-record';
import type { GatewayRegistry } from './gateway-registry';

/** How often a live gateway's entry is written. */
export const HEARTBEAT_INTERVAL_MS = 1_000;

/** What a gateway's heartbeat writes besides its state, time and load. */
export type GatewayIdentity = Omit<GatewayRecord, 'state' | 'heartbeat_at' | 'load'>;

/** What a heartbeat needs. */
export interface GatewayHeartbeatDeps {
  registry: Pick<GatewayRegistry, 'put'>;
  identity: GatewayIdentity;
  /** The gateway's load now: cameras placed on it and their viewers. */
  load(): GatewayRecord['load'];
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}

/** Writes one gateway's registry entry: every interval while up, once when down; writes never overtake. */
export class GatewayHeartbeat {
  readonly #deps: GatewayHeartbeatDeps;
  #state: GatewayRecord['state'] = 'down';
  #cancelTimer: (() => void) | undefined;
  #writing: Promise<void> = Promise.resolve();
  #inFlight = 0;
  #stopped = false;

  constructor(deps: GatewayHeartbeatDeps) {
    this.#deps = deps;
  }

  /** The state last written (or being written). */
  get state(): GatewayRecord['state'] {
    return this.#state;
  }

  /** The gateway's Janus is usable: write 'up' now and every interval. */
  up(): void {
    if (this.#stopped) return;
    this.#state = 'up';
    this.#beat();
  }

  /** The gateway's Janus is gone: write 'down' now and stop beating until it is back. */
  down(): void {
    if (this.#stopped) return;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    this.#state = 'down';
    this.#write();
  }

  /** Stops beating without a last write (the entry then expires, as a stopped station's does); resolves once idle. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    await this.#writing;
  }

  #beat(): void {
    this.#cancelTimer?.();
    // A beat while the last write still waits (NATS away) would only queue up: skip it, keep the timer.
    if (this.#inFlight === 0) this.#write();
    this.#cancelTimer = this.#deps.clock.setTimeout(() => {
      this.#beat();
    }, this.#deps.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  }

  #write(): void {
    const { identity, clock, registry, logger } = this.#deps;
    const record: GatewayRecord = {
      ...identity,
      state: this.#state,
      heartbeat_at: new Date(clock.now()).toISOString(),
      load: this.#deps.load(),
    };
    this.#inFlight++;
    this.#writing = this.#writing
      .then(() => registry.put(record))
      .catch((error: unknown) => {
        logger.warn({ err: error, state: record.state }, 'could not write the gateway heartbeat');
      })
      .finally(() => {
        this.#inFlight--;
      });
  }
}
