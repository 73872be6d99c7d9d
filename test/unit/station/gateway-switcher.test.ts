import pino from 'pino';
import { describe, expect, it } from 'vitest';

import type { Gateway, GatewayEndpoints, GatewayEvent } from '../../../main/gateway/gateway';
import { GatewaySwitcher, switchOrder } from '../../../main/station/gateway-switcher';

const logger = pino({ level: 'silent' });

/** A gateway that records what happens to it in a shared journal. */
function fakeGateway(
  name: string,
  mode: Gateway['mode'],
  journal: string[],
  options: { failStart?: boolean } = {},
): Gateway & { fire(event: GatewayEvent): void } {
  const listeners = new Set<(event: GatewayEvent) => void>();
  return {
    mode,
    endpoints: {
      urls: { http: `http://${name}`, ws: `ws://${name}`, adminHttp: `http://${name}/admin` },
      secrets: { adminSecret: name, streamingAdminKey: name },
    },
    start: () => {
      journal.push(`start ${name}`);
      return options.failStart ? Promise.reject(new Error(`${name} failed`)) : Promise.resolve();
    },
    stop: () => {
      journal.push(`stop ${name}`);
      return Promise.resolve();
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
}

/** A station stand-in: records which Janus it was moved to. */
function fakeTarget(journal: string[], failFor?: string) {
  return {
    switchGateway: (endpoints: GatewayEndpoints) => {
      journal.push(`station → ${endpoints.urls.ws}`);
      return endpoints.urls.ws === failFor ? Promise.reject(new Error('unreachable')) : Promise.resolve();
    },
  };
}

describe('switchOrder', () => {
  it.each([
    ['native', 'container', 'break-before-make'],
    ['container', 'native', 'break-before-make'],
    ['native', 'native', 'break-before-make'],
    ['native', 'remote', 'make-before-break'],
    ['remote', 'container', 'make-before-break'],
    ['remote', 'remote', 'make-before-break'],
  ] as const)('%s → %s: %s', (from, to, order) => {
    expect(switchOrder(from, to)).toBe(order);
  });
});

describe('GatewaySwitcher', () => {
  it('bundled → bundled: stops the old Janus, starts the new one, moves the station', async () => {
    const journal: string[] = [];
    const old = fakeGateway('native', 'native', journal);
    const next = fakeGateway('container', 'container', journal);
    const switcher = new GatewaySwitcher({ target: fakeTarget(journal), gateway: old, logger });
    await switcher.switchTo(next);
    expect(journal).toEqual(['stop native', 'start container', 'station → ws://container']);
    expect(switcher.current).toBe(next);
  });

  it('→ remote: starts (checks) the new Janus, moves the station, then stops the old one', async () => {
    const journal: string[] = [];
    const old = fakeGateway('native', 'native', journal);
    const next = fakeGateway('remote', 'remote', journal);
    const switcher = new GatewaySwitcher({ target: fakeTarget(journal), gateway: old, logger });
    await switcher.switchTo(next);
    expect(journal).toEqual(['start remote', 'station → ws://remote', 'stop native']);
  });

  it('a new bundled Janus that does not start: the old one starts again and keeps the station', async () => {
    const journal: string[] = [];
    const old = fakeGateway('native', 'native', journal);
    const next = fakeGateway('container', 'container', journal, { failStart: true });
    const switcher = new GatewaySwitcher({ target: fakeTarget(journal), gateway: old, logger });
    await expect(switcher.switchTo(next)).rejects.toThrow('container failed');
    expect(journal).toEqual([
      'stop native',
      'start container',
      'stop container',
      'start native',
      'station → ws://native',
    ]);
    expect(switcher.current).toBe(old);
  });

  it('a remote Janus the station cannot use: the station goes back, the old Janus never stopped', async () => {
    const journal: string[] = [];
    const old = fakeGateway('container', 'container', journal);
    const next = fakeGateway('remote', 'remote', journal);
    const switcher = new GatewaySwitcher({
      target: fakeTarget(journal, 'ws://remote'),
      gateway: old,
      logger,
    });
    await expect(switcher.switchTo(next)).rejects.toThrow('unreachable');
    expect(journal).toEqual([
      'start remote',
      'station → ws://remote',
      'station → ws://container',
      'stop remote',
    ]);
    expect(switcher.current).toBe(old);
  });

  it('forwards the events of whichever gateway is current', async () => {
    const journal: string[] = [];
    const old = fakeGateway('native', 'native', journal);
    const next = fakeGateway('remote', 'remote', journal);
    const switcher = new GatewaySwitcher({ target: fakeTarget(journal), gateway: old, logger });
    const events: GatewayEvent[] = [];
    switcher.onEvent((event) => events.push(event));
    old.fire({ type: 'restarted', pid: 1 });
    await switcher.switchTo(next);
    old.fire({ type: 'restarted', pid: 2 });
    next.fire({ type: 'gave-up', reason: 'r' });
    expect(events).toEqual([
      { type: 'restarted', pid: 1 },
      { type: 'gave-up', reason: 'r' },
    ]);
  });

  it('runs switches one at a time, in order', async () => {
    const journal: string[] = [];
    const a = fakeGateway('a', 'remote', journal);
    const b = fakeGateway('b', 'remote', journal);
    const c = fakeGateway('c', 'remote', journal);
    const switcher = new GatewaySwitcher({ target: fakeTarget(journal), gateway: a, logger });
    await Promise.all([switcher.switchTo(b), switcher.switchTo(c)]);
    expect(journal).toEqual([
      'start b',
      'station → ws://b',
      'stop a',
      'start c',
      'station → ws://c',
      'stop b',
    ]);
    expect(switcher.current).toBe(c);
  });
});
