import { describe, expect, it, vi } from 'vitest';

import { ErrorCode, VigilError } from '../../../../common/errors';
import { Feed, type FeedEvents } from '../../../../renderer/playback/feed';
import type { PlaybackSource } from '../../../../renderer/playback/media';
import { FakeMediaEnv, fakeSource } from './fakes';

const T = Date.parse('2030-01-01T12:00:00Z');
const timing = { idleMs: 20, repullMs: 10 };

function events(): FeedEvents & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    opened: (startMs) => log.push(`opened ${startMs - T}`),
    ended: () => log.push('ended'),
    failed: (reason) => log.push(`failed ${reason}`),
  };
}

describe('Feed', () => {
  it('lets go of the connection when the station has nothing more yet, and asks again from where the buffer ends', async () => {
    const media = new FakeMediaEnv();
    const video = media.newVideo();
    // Each stream's media time 0 is its keyframe, 1 s before the instant asked for; two 5 s appends each.
    const { source, requests } = fakeSource((from) => from - 1000, 2);
    const seen = events();
    const feed = new Feed('lobby', T, video, { source, media, timing }, seen);
    const running = feed.run();
    await vi.waitFor(() => {
      expect(requests.length).toBeGreaterThanOrEqual(2);
    });
    expect(seen.log).toEqual(['opened -1000']);
    expect(video.currentTime).toBe(1);
    expect(requests[0]?.signal.aborted).toBe(true);
    // The buffer ended 10 s into the first stream's timeline: the second pull asks from there, and its media
    // (media time 0 at its own keyframe) lands on the first stream's timeline.
    expect(requests[1]?.fromMs).toBe(T - 1000 + 10_000);
    await vi.waitFor(() => {
      expect(video.buffer?.timestampOffset).toBe(9);
    });
    expect(video.buffer?.aborts).toBeGreaterThanOrEqual(1);
    expect(media.created).toHaveLength(1);
    feed.close();
    await running;
    expect(requests.every((r) => r.signal.aborted)).toBe(true);
    expect(media.revoked).toHaveLength(1);
  });

  it('ends when nothing was recorded after the buffer, but keeps asking at the live edge', async () => {
    const media = new FakeMediaEnv();
    const notFound = () =>
      Promise.reject(new VigilError(ErrorCode.RecordingNotFound, 'Nothing is recorded from then'));
    const firstThen = (then: PlaybackSource) => {
      const { source: first } = fakeSource((from) => from, 1);
      const requests: number[] = [];
      const source: PlaybackSource = (cameraId, fromMs, signal) => {
        requests.push(fromMs);
        return requests.length === 1 ? first(cameraId, fromMs, signal) : then(cameraId, fromMs, signal);
      };
      return { source, requests };
    };
    const old = firstThen(notFound);
    const seen = events();
    const hoursAgo = Date.now() - 7_200_000;
    await new Feed('lobby', hoursAgo, media.newVideo(), { source: old.source, media, timing }, seen).run();
    expect(seen.log).toEqual([`opened ${hoursAgo - T}`, 'ended']);

    const live = firstThen(notFound);
    const waiting = events();
    const feed = new Feed(
      'lobby',
      Date.now() - 3000,
      media.newVideo(),
      { source: live.source, media, timing },
      waiting,
    );
    const running = feed.run();
    await vi.waitFor(() => {
      expect(live.requests.length).toBeGreaterThanOrEqual(5);
    });
    expect(waiting.log).toHaveLength(1);
    feed.close();
    await running;

    const refused = events();
    await new Feed('lobby', T, media.newVideo(), { source: notFound, media, timing }, refused).run();
    expect(refused.log).toEqual(['failed Nothing is recorded from then']);
  });
});
