import { describe, expect, it } from 'vitest';

import {
  DEFAULT_HEALTH_THRESHOLDS as T,
  initialHealth,
  nextHealth as step,
  type HealthEffect,
  type HealthEvent,
  type HealthRecord,
} from '../../../main/station/camera-health';

const media = (at: number, ageMs: number | undefined, viewers = 0): HealthEvent => ({
  kind: 'media',
  at,
  ageMs,
  viewers,
});

/** The health after one event. */
const nextHealth = (record: HealthRecord, event: HealthEvent): HealthRecord => step(record, event).state;

describe('nextHealth: states', () => {
  it.each<[string, number | undefined, number, string]>([
    ['no video yet, within the grace period', undefined, 1_000, 'starting'],
    ['an old age before the first packet, within the grace period', 9e9, 1_000, 'starting'],
    ['no video at all after the grace period', undefined, T.startGraceMs + 1, 'offline'],
    ['fresh packets', 40, 1_000, 'live'],
  ])('a new mountpoint: %s → %s', (_name, ageMs, at, state) => {
    expect(nextHealth(initialHealth(0), media(at, ageMs)).state).toBe(state);
  });

  it.each<[string, number | undefined, string]>([
    ['fresh packets', 40, 'live'],
    ['a short gap', T.staleAfterMs, 'stale'],
    ['a long gap', T.offlineAfterMs, 'offline'],
  ])('a camera that was live: %s → %s', (_name, ageMs, state) => {
    const live = nextHealth(initialHealth(0), media(500, 10));
    expect(nextHealth(live, media(1_000, ageMs)).state).toBe(state);
  });

  it('measures the gap from the last packet while Janus has no socket to the camera', () => {
    const live = nextHealth(initialHealth(0), media(1_000, 0));
    expect(nextHealth(live, media(1_000 + T.staleAfterMs, undefined)).state).toBe('stale');
    expect(nextHealth(live, media(1_000 + T.offlineAfterMs, undefined)).state).toBe('offline');
  });

  it('keeps `since` while the state holds and moves it on a change', () => {
    let h = nextHealth(initialHealth(0), media(1_000, 10));
    expect(h).toMatchObject({ state: 'live', since: 1_000 });
    h = nextHealth(h, media(2_000, 10));
    expect(h.since).toBe(1_000);
    h = nextHealth(h, media(5_000, 3_000));
    expect(h).toMatchObject({ state: 'stale', since: 5_000, reason: 'No video for 3 s' });
  });

  it('counts a reconnect each time a camera that was live comes back', () => {
    let h = nextHealth(initialHealth(0), media(1_000, 10));
    h = nextHealth(h, media(20_000, 12_000));
    expect(h.state).toBe('offline');
    h = nextHealth(h, media(30_000, 20));
    expect(h).toMatchObject({ state: 'live', reconnects: 1, since: 30_000 });
    h = nextHealth(h, media(31_000, 2_500));
    h = nextHealth(h, media(32_000, 10));
    expect(h.reconnects).toBe(2);
  });

  it('does not count the first time live as a reconnect', () => {
    let h = nextHealth(initialHealth(0), media(500, undefined));
    h = nextHealth(h, media(1_000, 10));
    expect(h.reconnects).toBe(0);
  });

  it('reports viewers, errors and disabled cameras', () => {
    const live = nextHealth(initialHealth(0), media(1_000, 10, 3));
    expect(live.viewers).toBe(3);
    expect(nextHealth(live, { kind: 'error', at: 2_000, reason: 'boom' })).toMatchObject({
      state: 'error',
      reason: 'boom',
      since: 2_000,
    });
    expect(nextHealth(live, { kind: 'disabled', at: 3_000 }).state).toBe('disabled');
  });

  it('a re-created mountpoint starts over but keeps the reconnect count', () => {
    let h = nextHealth(initialHealth(0), media(1_000, 10));
    h = nextHealth(h, media(20_000, 15_000));
    h = nextHealth(h, media(21_000, 10));
    h = nextHealth(h, { kind: 'started', at: 40_000 });
    expect(h).toMatchObject({ state: 'starting', since: 40_000, reconnects: 1, wasLive: false });
  });
});

describe('nextHealth: effects', () => {
  const live = nextHealth(initialHealth(0), media(1_000, 10));
  const stale = nextHealth(live, media(4_000, 3_000));

  it.each<[string, HealthRecord, HealthEvent, HealthEffect[]]>([
    [
      'the first video',
      initialHealth(0),
      media(500, 40),
      [{ kind: 'announce', state: 'live', previous: 'starting', at: 500 }],
    ],
    ['still starting', initialHealth(0), media(500, undefined), []],
    ['still live', live, media(2_000, 10), []],
    [
      'live goes stale at staleAfterMs',
      live,
      media(3_000, T.staleAfterMs),
      [{ kind: 'announce', state: 'stale', previous: 'live', reason: 'No video for 2 s', at: 3_000 }],
    ],
    ['stale just under offlineAfterMs stays stale', stale, media(11_000, T.offlineAfterMs - 1), []],
    [
      'stale goes offline at offlineAfterMs',
      stale,
      media(12_000, T.offlineAfterMs),
      [{ kind: 'announce', state: 'offline', previous: 'stale', reason: 'No video for 10 s', at: 12_000 }],
    ],
    [
      'no video by the end of the start grace',
      initialHealth(0),
      media(T.startGraceMs, undefined),
      [
        {
          kind: 'announce',
          state: 'offline',
          previous: 'starting',
          reason: 'No video has arrived from the camera',
          at: T.startGraceMs,
        },
      ],
    ],
    [
      'stale comes back',
      stale,
      media(5_000, 20),
      [{ kind: 'announce', state: 'live', previous: 'stale', at: 5_000 }],
    ],
    [
      'a failed mountpoint',
      live,
      { kind: 'error', at: 2_000, reason: 'boom' },
      [{ kind: 'announce', state: 'error', previous: 'live', reason: 'boom', at: 2_000 }],
    ],
    [
      'disabled',
      live,
      { kind: 'disabled', at: 2_000 },
      [
        {
          kind: 'announce',
          state: 'disabled',
          previous: 'live',
          reason: 'The camera is disabled',
          at: 2_000,
        },
      ],
    ],
    ['re-created while starting', initialHealth(0), { kind: 'started', at: 100 }, []],
    [
      're-created while live',
      live,
      { kind: 'started', at: 2_000 },
      [{ kind: 'announce', state: 'starting', previous: 'live', at: 2_000 }],
    ],
  ])('%s', (_name, record, event, effects) => {
    expect(step(record, event).effects).toEqual(effects);
  });
});
