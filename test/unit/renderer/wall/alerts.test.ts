import { describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../../common/events';
import {
  acknowledgeAlert,
  applyStationEvent,
  raiseAlert,
  recoverAlert,
  type DeskAlert,
} from '../../../../renderer/wall/alerts';

const stateEvent = (
  camera_id: string,
  state: 'live' | 'stale' | 'offline' | 'starting',
  at: number,
): StationEvent => ({
  type: 'camera.state',
  camera_id,
  state,
  previous: 'live',
  at: new Date(at).toISOString(),
  ...(state === 'offline' ? { reason: 'connection refused' } : {}),
});

const replay = (...events: StationEvent[]): readonly DeskAlert[] =>
  events.reduce<readonly DeskAlert[]>(applyStationEvent, []);

describe('desk alerts', () => {
  it('raises one alert per camera with the time it went wrong', () => {
    const alerts = replay(stateEvent('a', 'stale', 1000), stateEvent('b', 'offline', 2000));
    expect(alerts).toEqual([
      {
        id: 'a@1000',
        cameraId: 'a',
        kind: 'stale',
        source: 'station',
        at: 1000,
        count: 1,
        reason: undefined,
      },
      {
        id: 'b@2000',
        cameraId: 'b',
        kind: 'offline',
        source: 'station',
        at: 2000,
        count: 1,
        reason: 'connection refused',
      },
    ]);
  });

  it('escalates stale → offline in the same alert, keeping when it started', () => {
    const alerts = replay(stateEvent('a', 'stale', 1000), stateEvent('a', 'offline', 5000));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'offline', at: 1000, count: 1, reason: 'connection refused' });
  });

  it('does not downgrade or duplicate an open alert', () => {
    const before = replay(stateEvent('a', 'offline', 1000));
    expect(applyStationEvent(before, stateEvent('a', 'stale', 2000))).toBe(before);
    expect(raiseAlert(before, { cameraId: 'a', kind: 'offline', source: 'station', at: 3000 })).toBe(before);
    expect(raiseAlert(before, { cameraId: 'a', kind: 'stale', source: 'wall', at: 3000 })).toBe(before);
  });

  it('stays until acknowledged, showing the recovery; a new failure counts again', () => {
    const recovered = replay(stateEvent('a', 'stale', 1000), stateEvent('a', 'live', 4000));
    expect(recovered[0]).toMatchObject({ kind: 'stale', recoveredAt: 4000 });
    const again = applyStationEvent(recovered, stateEvent('a', 'offline', 9000));
    expect(again[0]).toMatchObject({ kind: 'offline', count: 2, recoveredAt: undefined, at: 1000 });
    expect(acknowledgeAlert(again, 'a@1000')).toEqual([]);
  });

  it('a tile that goes stale raises an alert; its going live recovers only what the wall raised', () => {
    const raise = {
      cameraId: 'c',
      kind: 'stale',
      source: 'wall',
      at: 7,
      reason: 'no video on this wall',
    } as const;
    const alerts = raiseAlert([], raise);
    expect(alerts).toEqual([{ id: 'c@7', count: 1, ...raise }]);
    expect(recoverAlert(alerts, 'x', 9, 'wall')).toBe(alerts);
    expect(recoverAlert(alerts, 'c', 9, 'wall')[0]).toMatchObject({ recoveredAt: 9 });

    const station = replay(stateEvent('c', 'offline', 5));
    expect(recoverAlert(station, 'c', 9, 'wall')).toBe(station);
    expect(recoverAlert(station, 'c', 9, 'station')[0]).toMatchObject({ recoveredAt: 9 });
  });

  it("the station's word takes over a wall alert of the same kind", () => {
    const wall = raiseAlert([], { cameraId: 'a', kind: 'stale', source: 'wall', at: 1 });
    const both = applyStationEvent(wall, stateEvent('a', 'stale', 2));
    expect(both).toEqual([{ id: 'a@1', cameraId: 'a', kind: 'stale', source: 'station', at: 1, count: 1 }]);
  });

  it('ignores starting and gateway events; forgets a removed camera', () => {
    const alerts = replay(stateEvent('a', 'stale', 1000));
    expect(applyStationEvent(alerts, stateEvent('a', 'starting', 2000))).toBe(alerts);
    expect(applyStationEvent(alerts, { type: 'gateway.down', at: new Date(3000).toISOString() })).toBe(
      alerts,
    );
    expect(
      applyStationEvent(alerts, { type: 'camera.removed', camera_id: 'a', at: new Date(3000).toISOString() }),
    ).toEqual([]);
  });
});
