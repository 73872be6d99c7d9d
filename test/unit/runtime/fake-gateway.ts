import type { Gateway, GatewayEndpoints, GatewayEvent } from '../../../main/gateway/gateway';

/** A Gateway of one mode that starts and stops at once, notes both in `journal`, and fires the events a test gives. */
export class FakeGateway implements Gateway {
  readonly endpoints: GatewayEndpoints;
  readonly #listeners = new Set<(event: GatewayEvent) => void>();

  constructor(
    readonly mode: Gateway['mode'],
    private readonly journal: string[] = [],
  ) {
    this.endpoints = {
      urls: { http: `http://${mode}`, ws: `ws://${mode}`, adminHttp: `http://${mode}/admin` },
      secrets: { adminSecret: mode, streamingAdminKey: mode },
    };
  }

  /** Notes the start. */
  start(): Promise<void> {
    this.journal.push(`start ${this.mode}`);
    return Promise.resolve();
  }

  /** Notes the stop. */
  stop(): Promise<void> {
    this.journal.push(`stop ${this.mode}`);
    return Promise.resolve();
  }

  /** Subscribes to the events `fire` sends. */
  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Test helper: the gateway reports `event`. */
  fire(event: GatewayEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
