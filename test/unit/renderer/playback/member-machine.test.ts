import { describe, expect, it } from 'vitest';

import {
  initialMember,
  RETRY_AFTER_MS,
  step,
  type MemberEvent,
  type MemberState,
  type VideoReading,
} from '../../../../renderer/playback/member-machine';

const START = Date.parse('2030-01-01T12:00:00Z');
/** The instant asked for: 3 s into the stream (its keyframe came 3 s before). */
const FROM = START + 3000;

function run(state: MemberState, ...events: MemberEvent[]): MemberState {
  return events.reduce((s, e) => step(s, e).state, state);
}

const video = (currentTime: number, buffered: [number, number][], paused = true): VideoReading => ({
  currentTime,
  paused,
  buffered: buffered.map(([start, end]) => ({ start, end })),
});

const tick = (wallMs: number, v: VideoReading, running = true, rate = 1): MemberEvent => ({
  type: 'tick',
  wallMs,
  running,
  rate,
  video: v,
});

/** A member whose stream 1 is open from FROM, with media time 0 at START. */
const opened = run(
  initialMember,
  { type: 'open', wallMs: FROM },
  { type: 'opened', session: 1, startMs: START },
);

describe('the playback member machine', () => {
  it('opens a stream from the instant asked for, and waits for its start before deciding anything', () => {
    const { state, effects } = step(initialMember, { type: 'open', wallMs: FROM });
    expect(effects).toEqual([{ type: 'open', session: 1, fromMs: FROM }]);
    expect(state.status.phase).toBe('opening');
    expect(step(state, tick(FROM, video(0, []))).effects).toEqual([]);
    expect(opened.status.phase).toBe('buffering');
  });

  it('buffers until the instant is there, then seeks to it and plays (the first frame shown is the instant)', () => {
    const waiting = step(opened, tick(FROM, video(0, [[0, 1]])));
    expect(waiting.state.status.phase).toBe('buffering');
    const ready = step(waiting.state, tick(FROM, video(0, [[0, 5]])));
    expect(ready.effects).toEqual([{ type: 'seek', to: 3 }, { type: 'play' }]);
    expect(ready.state.status).toEqual({ phase: 'playing', shownMs: START });
  });

  it('follows the clock: nudges the rate when a little off, pauses with it', () => {
    const playing = step(opened, tick(FROM + 1000, video(3.9, [[0, 10]], false), true, 2));
    expect(playing.effects).toEqual([{ type: 'rate', rate: expect.closeTo(2.1, 9) as number }]);
    const paused = step(playing.state, tick(FROM + 1000, video(4, [[0, 10]], false), false));
    expect(paused.effects).toEqual([{ type: 'rate', rate: 1 }, { type: 'pause' }]);
    expect(paused.state.status).toEqual({ phase: 'paused', shownMs: START + 4000 });
  });

  it('reports a gap in the recording with where it goes on, and pauses there', () => {
    const { state, effects } = step(
      opened,
      tick(
        START + 12_000,
        video(
          9.99,
          [
            [0, 10],
            [40, 50],
          ],
          false,
        ),
      ),
    );
    expect(state.status).toEqual({ phase: 'gap', nextMs: START + 40_000, shownMs: START + 9990 });
    expect(effects).toEqual([{ type: 'pause' }]);
  });

  it('treats a stream that starts after the instant asked for (nothing recorded there) as a gap, not a retry', () => {
    const { state, effects } = step(opened, tick(FROM, video(0, [[20, 30]])));
    expect(state.status.phase).toBe('gap');
    expect(state.status.nextMs).toBe(START + 20_000);
    expect(effects).toEqual([]);
  });

  it('asks for a new stream when the clock goes back before the stream or far past what is buffered', () => {
    const back = step(opened, tick(FROM - 60_000, video(3, [[0, 10]])));
    expect(back.effects).toEqual([
      { type: 'close', session: 1 },
      { type: 'open', session: 2, fromMs: FROM - 60_000 },
    ]);
    const ahead = step(opened, tick(START + 60_000, video(3, [[0, 10]])));
    expect(ahead.effects).toEqual([
      { type: 'close', session: 1 },
      { type: 'open', session: 2, fromMs: START + 60_000 },
    ]);
    // Within the buffer it only seeks.
    expect(step(opened, tick(START + 1000, video(8, [[0, 10]]), false)).effects).toEqual([
      { type: 'seek', to: 1 },
    ]);
  });

  it('asks again after an eviction took what the clock went back to', () => {
    const seen = run(opened, tick(FROM, video(3, [[0, 10]])));
    const { effects } = step(seen, tick(START + 2000, video(40, [[31, 50]])));
    expect(effects).toContainEqual({ type: 'open', session: 2, fromMs: START + 2000 });
  });

  it('ends when the stream is done and the clock is past its last frame', () => {
    const done = run(opened, { type: 'ended', session: 1 });
    expect(step(done, tick(START + 11_000, video(10, [[0, 10]]))).state.status.phase).toBe('ended');
  });

  it('shows a failure, ignores older streams, and tries again once the clock moved on', () => {
    const failed = run(opened, { type: 'failed', session: 1, reason: 'nothing recorded' });
    expect(failed.status).toEqual({ phase: 'error', reason: 'nothing recorded' });
    expect(run(failed, { type: 'opened', session: 1, startMs: START }).status.phase).toBe('error');
    expect(step(failed, tick(FROM + 1000, video(0, []))).effects).toEqual([]);
    expect(step(failed, tick(FROM + RETRY_AFTER_MS, video(0, []))).effects).toEqual([
      { type: 'open', session: 2, fromMs: FROM + RETRY_AFTER_MS },
    ]);
  });

  it('stops for good: closes the stream and ignores everything after', () => {
    const { state, effects } = step(opened, { type: 'stop' });
    expect(effects).toEqual([{ type: 'close', session: 1 }]);
    expect(step(state, { type: 'open', wallMs: FROM })).toEqual({ state, effects: [] });
    expect(step(state, tick(FROM, video(3, [[0, 10]])))).toEqual({ state, effects: [] });
  });
});
