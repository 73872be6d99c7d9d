// What the station tells about the cluster's other gateways: `gateway.up` / `gateway.down` (with gateway_id) when
// one becomes live or stops being live, and Prometheus gauges per gateway (up, cameras, viewers).
import { Gauge, type Registry } from 'prom-client';

import type { StationEvent } from '../../common/events';
import type { RegisteredGateway } from './gateway-registry';

/** What the watch reads. */
export interface GatewayWatchDeps {
  /** This station's own gateway (its own Janus link announces it). */
  gatewayId: string;
  gateways(): RegisteredGateway[];
  camerasByGateway(): ReadonlyMap<string, readonly string[]>;
  publish(event: StationEvent): void;
  now(): number;
  /** True while heartbeats cannot be trusted (NATS away or just back): only a gateway saying down changes. */
  holds?: () => boolean;
}

/**
 * The gateway events to announce after a look at the registry: each other gateway whose liveness changed since
 * `before` (gateways first seen announce only when live). Pure; `before` is updated in place.
 */
export function gatewayChanges(
  before: Map<string, boolean>,
  gateways: readonly RegisteredGateway[],
  ownId: string,
  at: string,
): StationEvent[] {
  const events: StationEvent[] = [];
  for (const { record, live } of gateways) {
    const id = record.gateway_id;
    const was = before.get(id);
    before.set(id, live);
    if (id === ownId || was === live || (was === undefined && !live)) continue;
    events.push({
      type: live ? 'gateway.up' : 'gateway.down',
      gateway_id: id,
      ...(live ? {} : { reason: record.state === 'down' ? 'its Janus is down' : 'its heartbeat stopped' }),
      at,
    });
  }
  return events;
}

/** Announces other gateways' changes each time `check()` is called (on registry changes and a timer). */
export class GatewayWatch {
  readonly #deps: GatewayWatchDeps;
  readonly #live = new Map<string, boolean>();

  constructor(deps: GatewayWatchDeps) {
    this.#deps = deps;
    // The gateways known at start are the baseline: nothing changed yet.
    for (const { record, live } of deps.gateways()) this.#live.set(record.gateway_id, live);
  }

  /** Looks at the registry and announces what changed. */
  check(): void {
    const at = new Date(this.#deps.now()).toISOString();
    const held = this.#deps.holds?.() ?? false;
    const gateways = this.#deps
      .gateways()
      .map((g) =>
        held && g.record.state === 'up' ? { ...g, live: this.#live.get(g.record.gateway_id) ?? g.live } : g,
      );
    for (const event of gatewayChanges(this.#live, gateways, this.#deps.gatewayId, at)) {
      this.#deps.publish(event);
    }
  }

  /** Registers vigil_gateway_up, vigil_gateway_cameras and vigil_gateway_viewers, labelled by gateway. */
  registerMetrics(registry: Registry): void {
    const deps = this.#deps;
    const gauge = (name: string, help: string, value: (g: RegisteredGateway) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['gateway'],
        registers: [registry],
        collect() {
          this.reset();
          for (const gateway of deps.gateways())
            this.set({ gateway: gateway.record.gateway_id }, value(gateway));
        },
      });
    gauge('vigil_gateway_up', '1 while the gateway is live (up, heartbeat fresh)', (g) => (g.live ? 1 : 0));
    gauge(
      'vigil_gateway_cameras',
      'Cameras placed on the gateway',
      (g) => deps.camerasByGateway().get(g.record.gateway_id)?.length ?? 0,
    );
    gauge(
      'vigil_gateway_viewers',
      'Viewers on the gateway, as its station last said',
      (g) => g.record.load.viewers,
    );
  }
}
