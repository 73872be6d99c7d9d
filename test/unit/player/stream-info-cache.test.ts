import { describe, expect, it } from 'vitest';

import { PREFETCH_MAX_AGE_MS, StreamInfoCache } from '../../../renderer/player/stream-info-cache';
import { FakeClock, fakeStation } from './fakes';

function setup() {
  const clock = new FakeClock();
  const station = fakeStation();
  return { clock, station, cache: new StreamInfoCache(station.streamInfo, clock) };
}

describe('StreamInfoCache', () => {
  it('serves a prefetched stream info to one watch, then asks the station again', async () => {
    const { station, cache } = setup();
    cache.prefetch('lobby');
    expect(station.calls).toEqual(['lobby']);
    expect((await cache.take('lobby')).ticket).toBe('ticket-1');
    expect(station.calls).toEqual(['lobby']);
    expect((await cache.take('lobby')).ticket).toBe('ticket-2');
    expect(station.calls).toEqual(['lobby', 'lobby']);
  });

  it('does not fetch twice for a camera already being prefetched', () => {
    const { station, cache } = setup();
    cache.prefetch('lobby');
    cache.prefetch('lobby');
    cache.prefetch('gate');
    expect(station.calls).toEqual(['lobby', 'gate']);
  });

  it(`fetches again when the prefetched answer is older than ${PREFETCH_MAX_AGE_MS} ms`, async () => {
    const { clock, station, cache } = setup();
    cache.prefetch('lobby');
    await clock.advance(PREFETCH_MAX_AGE_MS + 1);
    expect((await cache.take('lobby')).ticket).toBe('ticket-2');
    expect(station.calls).toEqual(['lobby', 'lobby']);
  });

  it('forgets a failed prefetch, so the watch asks again', async () => {
    const clock = new FakeClock();
    const station = fakeStation();
    const refusal = Promise.reject(new Error('station down'));
    const answers = [refusal];
    const calls: string[] = [];
    const cache = new StreamInfoCache((id) => {
      calls.push(id);
      return answers.shift() ?? station.streamInfo(id);
    }, clock);
    cache.prefetch('lobby');
    // The cache handled the refusal first (its handler was attached first), so it has by the time this one runs.
    await refusal.catch(() => undefined);
    expect((await cache.take('lobby')).camera_id).toBe('lobby');
    expect(calls).toEqual(['lobby', 'lobby']);
  });
});
