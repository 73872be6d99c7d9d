import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { GatewayHeartbeat } from '../../../main/cluster/gateway-heartbeat';
import type { GatewayRecord } from '../../../main/cluster/gateway-record';
import { systemClock } from '../../../main/janus';
import { gatewayRecord } from './cluster-fakes';

describe('GatewayHeartbeat', () => {
  let written: GatewayRecord[];
  let put: (record: GatewayRecord) => Promise<void>;
  const heartbeat = () =>
    new GatewayHeartbeat({
      registry: { put: (record) => put(record) },
      identity: gatewayRecord('g1'),
      load: () => ({ cameras: 4, viewers: 7 }),
      clock: systemClock,
      logger: pino({ level: 'silent' }),
    });

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    written = [];
    put = (record) => {
      written.push(record);
      return Promise.resolve();
    };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes up at once and every second while up, with its load', async () => {
    const beat = heartbeat();
    beat.up();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(written.map((r) => [r.state, r.heartbeat_at])).toEqual([
      ['up', '1970-01-01T00:00:00.000Z'],
      ['up', '1970-01-01T00:00:01.000Z'],
      ['up', '1970-01-01T00:00:02.000Z'],
      ['up', '1970-01-01T00:00:03.000Z'],
    ]);
    expect(written[0]?.load).toEqual({ cameras: 4, viewers: 7 });
  });

  it('writes down at once when its Janus goes, then nothing until it is back', async () => {
    const beat = heartbeat();
    beat.up();
    await vi.advanceTimersByTimeAsync(1_500);
    beat.down();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written.map((r) => r.state)).toEqual(['up', 'up', 'down']);
    beat.up();
    await vi.advanceTimersByTimeAsync(0);
    expect(written.at(-1)?.state).toBe('up');
  });

  it('skips beats while a write hangs (NATS away) but never drops a change of state', async () => {
    let release = (): void => undefined;
    put = (record) => {
      written.push(record);
      return new Promise((resolve) => (release = resolve));
    };
    const beat = heartbeat();
    beat.up();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written).toHaveLength(1);
    beat.down();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    expect(written.map((r) => r.state)).toEqual(['up', 'down']);
  });

  it('stops without a last write (the entry then expires like a dead station’s)', async () => {
    const beat = heartbeat();
    beat.up();
    await beat.stop();
    beat.down();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written.map((r) => r.state)).toEqual(['up']);
  });
});
