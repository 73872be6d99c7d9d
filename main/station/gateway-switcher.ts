// Switching the station's Janus at runtime (the settings' container / native / remote): start the new gateway,
// move the station onto it (its reconciler puts every mountpoint there and takes them off the old Janus), stop
// the old one — or, when both are Janus the station runs itself (they may want the same ports), stop the old one
// first. A switch that fails leaves the station on the old gateway.
import type { Logger } from 'pino';

import type { Gateway, GatewayEndpoints, GatewayEvent } from '../gateway/gateway';

/** In which order a switch replaces one Janus with another. */
export type SwitchOrder = 'make-before-break' | 'break-before-make';

/** Both bundled (native or container, maybe on the same ports): the old one stops first; else the new one starts first. */
export function switchOrder(from: Gateway['mode'], to: Gateway['mode']): SwitchOrder {
  return from !== 'remote' && to !== 'remote' ? 'break-before-make' : 'make-before-break';
}

/** What a switch moves: the station (Station.switchGateway). */
export interface GatewayTarget {
  switchGateway(endpoints: GatewayEndpoints): Promise<void>;
}

/** Holds the station's current gateway and replaces it on request; forwards the current gateway's events. */
export class GatewaySwitcher {
  readonly #target: GatewayTarget;
  readonly #logger: Logger;
  readonly #listeners = new Set<(event: GatewayEvent) => void>();
  #current: Gateway;
  #unsubscribe: () => void;
  #switching: Promise<void> = Promise.resolve();

  /** `gateway` has been started and the station runs on its endpoints. */
  constructor(options: { target: GatewayTarget; gateway: Gateway; logger: Logger }) {
    this.#target = options.target;
    this.#logger = options.logger.child({ name: 'station/gateway-switcher' });
    this.#current = options.gateway;
    this.#unsubscribe = this.#forward(options.gateway);
  }

  /** The gateway the station runs on. */
  get current(): Gateway {
    return this.#current;
  }

  /** Subscribes to the current gateway's events (whichever it is after switches); returns the unsubscribe. */
  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Moves the station onto `next` (not started yet); one switch at a time; on failure the old one stays. */
  switchTo(next: Gateway): Promise<void> {
    const run = this.#switching.catch(() => undefined).then(() => this.#switch(next));
    this.#switching = run;
    return run;
  }

  async #switch(next: Gateway): Promise<void> {
    const old = this.#current;
    const order = switchOrder(old.mode, next.mode);
    this.#logger.info({ from: old.mode, to: next.mode, order }, 'switching Janus');
    if (order === 'make-before-break') {
      await next.start();
      try {
        await this.#target.switchGateway(next.endpoints);
      } catch (error) {
        await this.#target.switchGateway(old.endpoints).catch(() => undefined);
        await next.stop();
        throw error;
      }
      this.#adopt(next);
      await old.stop();
      return;
    }
    await old.stop();
    try {
      await next.start();
      await this.#target.switchGateway(next.endpoints);
    } catch (error) {
      this.#logger.warn(
        { err: error },
        `the ${next.mode} Janus did not take over; back to the ${old.mode} one`,
      );
      await next.stop();
      await old.start();
      await this.#target.switchGateway(old.endpoints);
      throw error;
    }
    this.#adopt(next);
  }

  #adopt(gateway: Gateway): void {
    this.#unsubscribe();
    this.#current = gateway;
    this.#unsubscribe = this.#forward(gateway);
  }

  #forward(gateway: Gateway): () => void {
    return gateway.onEvent((event) => {
      for (const listener of [...this.#listeners]) {
        try {
          listener(event);
        } catch (error) {
          this.#logger.error({ err: error }, 'gateway event listener threw');
        }
      }
    });
  }
}
