import { describe, expect, it } from 'vitest';

import { PlaybackGroup } from '../../../../renderer/playback/group';
import { FakeMediaEnv, FakeTicker, fakeSource, settle } from './fakes';

const T = Date.parse('2030-01-01T12:00:00Z');

/** A group with fakes; each stream's media time 0 is 2 s before the instant asked for (its keyframe). */
function setup(fragments = 3) {
  const media = new FakeMediaEnv();
  const ticker = new FakeTicker();
  const { source, requests } = fakeSource((fromMs) => fromMs - 2000, fragments);
  // Pulls never go idle here: each test says when streams come and go.
  const timing = { idleMs: 60_000, repullMs: 60_000 };
  return { media, ticker, requests, group: new PlaybackGroup(T, { source, media, ticker, timing }) };
}

describe('PlaybackGroup', () => {
  it('plays a camera from the instant asked for: the stream opens there and the video shows that frame', async () => {
    const { media, ticker, requests, group } = setup();
    const video = media.newVideo();
    group.add('tile-0', 'lobby', video);
    expect(requests).toEqual([
      { cameraId: 'lobby', fromMs: T, signal: expect.any(AbortSignal) as AbortSignal },
    ]);
    expect(group.snapshot().members.get('tile-0')?.phase).toBe('opening');
    await settle();
    expect(media.created[0]?.buffers[0]?.mime).toBe('video/mp4; codecs="avc1.42E01F"');
    ticker.advance(100);
    expect(video.currentTime).toBe(2);
    // The clock waited for the picture: it runs from the next tick, and the video with it.
    ticker.advance(100);
    expect(video.paused).toBe(false);
    expect(group.snapshot()).toMatchObject({ held: false, paused: false, rate: 1 });
    expect(group.snapshot().members.get('tile-0')).toMatchObject({ phase: 'playing', cameraId: 'lobby' });
  });

  it('holds the clock until every tile has the instant, then they start together', async () => {
    const { media, ticker, group } = setup();
    const [a, b] = [media.newVideo(), media.newVideo()];
    group.add('a', 'cam-a', a);
    ticker.advance(100);
    expect(group.snapshot().held).toBe(true);
    ticker.advance(5000);
    expect(group.now()).toBe(T);
    await settle();
    group.add('b', 'cam-b', b);
    expect(group.snapshot().held).toBe(true);
    await settle();
    ticker.advance(100);
    expect(group.snapshot().held).toBe(false);
    ticker.advance(100);
    expect(group.now()).toBe(T + 100);
    expect([a.currentTime, b.currentTime]).toEqual([2, 2]);
    expect([a.paused, b.paused]).toEqual([false, false]);
  });

  it('pauses, steps a frame, changes speed and seeks for all its tiles', async () => {
    const { media, ticker, group } = setup();
    const video = media.newVideo();
    group.add('tile-0', 'lobby', video);
    await settle();
    ticker.advance(100);
    group.pause();
    expect(video.paused).toBe(true);
    const at = group.now();
    group.stepFrame(1);
    expect(group.now()).toBe(at + 40);
    expect(video.currentTime).toBeCloseTo(2.04, 6);
    group.stepFrame(-1);
    expect(video.currentTime).toBeCloseTo(2, 6);
    group.setRate(4);
    group.play();
    ticker.advance(1000);
    expect(group.now()).toBe(at + 4000);
    expect(group.snapshot().rate).toBe(4);
    expect(video.playbackRate).toBeGreaterThan(3.5);
    group.seek(T + 10_000);
    expect(video.currentTime).toBe(12);
  });

  it('skips a gap when every tile is in one', async () => {
    const { media, ticker, group } = setup();
    const video = media.newVideo();
    group.add('tile-0', 'lobby', video);
    await settle();
    ticker.advance(100);
    // The recording stops at media 15 s and goes on at 40 s.
    if (video.buffer)
      video.buffer.list = [
        [0, 15],
        [40, 60],
      ];
    group.seek(T + 14_000);
    expect(group.now()).toBe(T - 2000 + 40_000);
  });

  it('frees everything when tiles come and go 100 times: requests aborted, buffers removed, URLs revoked', async () => {
    const { media, ticker, requests, group } = setup();
    const video = media.newVideo();
    for (let i = 0; i < 100; i++) {
      const remove = group.add('tile-0', 'lobby', video);
      await settle(i % 2 === 0 ? 10 : 0);
      ticker.advance(100);
      remove();
    }
    await settle();
    expect(requests).toHaveLength(100);
    expect(requests.every((r) => r.signal.aborted)).toBe(true);
    const urls = media.created.length;
    expect(media.revoked).toHaveLength(urls);
    expect(media.sources.size).toBe(0);
    const buffers = media.created.flatMap((s) => s.buffers);
    expect(buffers.length).toBeGreaterThanOrEqual(50);
    expect(media.created.flatMap((s) => s.removed)).toEqual(buffers);
    expect(video.src).toBe('');
    expect(group.snapshot().members.size).toBe(0);
    group.destroy();
    expect(ticker.active).toBe(0);
  });
});
