import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import type { RegisteredGateway } from '../../../main/cluster/gateway-registry';
import { gatewayChanges, GatewayWatch } from '../../../main/cluster/gateway-watch';
import { gatewayRecord } from './cluster-fakes';

const AT = '2026-01-01T00:00:00.000Z';
const registered = (id: string, live: boolean, state: 'up' | 'down' = 'up'): RegisteredGateway => ({
  record: gatewayRecord(id, { state, load: { cameras: 0, viewers: 3 } }),
  storedAt: 0,
  live,
});

describe('gateway changes', () => {
  it('announces other gateways going down (with why) and coming up, never its own', () => {
    const before = new Map([
      ['g1', true],
      ['g2', true],
      ['g3', true],
    ]);
    const events = gatewayChanges(
      before,
      [registered('g1', false, 'down'), registered('g2', false, 'down'), registered('g3', false)],
      'g1',
      AT,
    );
    expect(events).toEqual([
      { type: 'gateway.down', gateway_id: 'g2', reason: 'its Janus is down', at: AT },
      { type: 'gateway.down', gateway_id: 'g3', reason: 'its heartbeat stopped', at: AT },
    ]);
    expect(gatewayChanges(before, [registered('g2', true)], 'g1', AT)).toEqual([
      { type: 'gateway.up', gateway_id: 'g2', at: AT },
    ]);
    expect(gatewayChanges(before, [registered('g2', true)], 'g1', AT)).toEqual([]);
  });

  it('announces a new gateway only once it is live', () => {
    const before = new Map<string, boolean>();
    expect(gatewayChanges(before, [registered('g4', false)], 'g1', AT)).toEqual([]);
    expect(gatewayChanges(before, [registered('g4', true)], 'g1', AT)).toHaveLength(1);
  });

  it('while heartbeats cannot be trusted, announces only a gateway that says its Janus is down', () => {
    let gateways = [registered('g1', true), registered('g2', true), registered('g3', true)];
    const published: StationEvent[] = [];
    const watch = new GatewayWatch({
      gatewayId: 'g1',
      gateways: () => gateways,
      camerasByGateway: () => new Map(),
      publish: (event) => published.push(event),
      now: () => Date.parse(AT),
      holds: () => true,
    });
    gateways = [registered('g1', false), registered('g2', false), registered('g3', false, 'down')];
    watch.check();
    expect(published).toEqual([
      { type: 'gateway.down', gateway_id: 'g3', reason: 'its Janus is down', at: AT },
    ]);
  });

  it('exports up, cameras and viewers per gateway', async () => {
    let gateways = [registered('g1', true), registered('g2', true)];
    const published: StationEvent[] = [];
    const watch = new GatewayWatch({
      gatewayId: 'g1',
      gateways: () => gateways,
      camerasByGateway: () => new Map([['g1', ['a', 'b']]]),
      publish: (event) => published.push(event),
      now: () => Date.parse(AT),
    });
    const metrics = new Registry();
    watch.registerMetrics(metrics);
    gateways = [registered('g1', true), registered('g2', false, 'down')];
    watch.check();
    expect(published).toEqual([
      { type: 'gateway.down', gateway_id: 'g2', reason: 'its Janus is down', at: AT },
    ]);
    const text = await metrics.metrics();
    expect(text).toContain('vigil_gateway_up{gateway="g1"} 1');
    expect(text).toContain('vigil_gateway_up{gateway="g2"} 0');
    expect(text).toContain('vigil_gateway_cameras{gateway="g1"} 2');
    expect(text).toContain('vigil_gateway_cameras{gateway="g2"} 0');
    expect(text).toContain('vigil_gateway_viewers{gateway="g2"} 3');
  });
});
