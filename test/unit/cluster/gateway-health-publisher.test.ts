import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { HealthReport } from '../../../common/health';
import { HealthPublisher } from '../../../main/cluster/gateway-health-publisher';
import { systemClock } from '../../../main/janus';
import { FakeBoard } from './cluster-fakes';

const SINCE = '1970-01-01T00:00:00.000Z';
const report: HealthReport = {
  status: 'degraded',
  janus_connectivity: 'ok',
  active_cameras: 1,
  active_sessions: 3,
  cameras: [
    { camera_id: 'mine', state: 'live', since: SINCE, reconnects: 2, viewers: 3 },
    { camera_id: 'theirs', state: 'live', since: SINCE, reconnects: 0, viewers: 9 },
    { camera_id: 'off', state: 'disabled', since: SINCE, reconnects: 0, viewers: 0 },
  ],
};

describe('HealthPublisher', () => {
  let board: FakeBoard;
  let publisher: HealthPublisher;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    board = new FakeBoard();
    publisher = new HealthPublisher({
      board,
      gatewayId: 'g1',
      holds: (cameraId) => cameraId !== 'theirs',
      clock: systemClock,
      logger: pino({ level: 'silent' }),
    });
  });
  afterEach(() => {
    publisher.stop();
    vi.useRealTimers();
  });

  it('publishes the cameras its gateway holds from the station, every 5 s (never disabled ones)', async () => {
    let calls = 0;
    publisher.start({
      health: () => {
        calls++;
        return Promise.resolve(report);
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect([...board.entries.keys()]).toEqual(['mine']);
    expect(board.get('mine')).toEqual({
      gateway_id: 'g1',
      state: 'live',
      since: SINCE,
      viewers: 3,
      reconnects: 2,
      at: SINCE,
    });
    expect(publisher.viewers()).toBe(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(3);
  });

  it('publishes a held camera’s change of state at once, keeping its last viewers', async () => {
    publisher.start({ health: () => Promise.resolve(report) });
    await vi.advanceTimersByTimeAsync(0);
    const at = '1970-01-01T00:00:01.000Z';
    publisher.onEvent({
      type: 'camera.state',
      camera_id: 'mine',
      state: 'stale',
      previous: 'live',
      reason: 'No video for 2 s',
      at,
    });
    publisher.onEvent({ type: 'camera.state', camera_id: 'theirs', state: 'stale', previous: 'live', at });
    expect(board.get('mine')).toMatchObject({
      state: 'stale',
      since: at,
      reason: 'No video for 2 s',
      viewers: 3,
    });
    expect(board.get('theirs')).toBeUndefined();
  });
});
