import { describe, expect, it } from 'vitest';

import type { RemoteTrack, StatsEntry } from '../../../renderer/player/janus-like';
import { next, POLL_MS } from '../../../renderer/player/tile-machine';
import {
  initialTileState,
  REWATCH_BACKOFF,
  type TileEffect,
  type TileInput,
  type TileMachineState,
  type TileSettings,
} from '../../../renderer/player/tile-protocol';

const SETTINGS: TileSettings = {
  backoff: REWATCH_BACKOFF,
  staleAfterMs: 3000,
  connectTimeoutMs: 15_000,
  errorAfterAttempts: 5,
};
const T0 = Date.parse('2030-01-01T00:00:00Z');
const VIDEO: RemoteTrack = { id: 'v', kind: 'video' };
const AUDIO: RemoteTrack = { id: 'a', kind: 'audio' };

/** One input at a time (`at` ms after T0); the last transition's state and effects. */
function step(state: TileMachineState, input: TileInput, at = 0) {
  return next(state, { ...input, at: T0 + at }, SETTINGS);
}

/** Applies the inputs in order (each at its own time), keeping only the final state. */
function after(state: TileMachineState, ...inputs: (TileInput | [TileInput, number])[]): TileMachineState {
  return inputs.reduce<TileMachineState>((current, input) => {
    const [event, at] = Array.isArray(input) ? input : [input, 0];
    return step(current, event, at).state;
  }, state);
}

/** The inbound video entry of a getStats report with this many frames decoded. */
function frames(framesDecoded: number, timestamp: number): StatsEntry {
  return {
    type: 'inbound-rtp',
    kind: 'video',
    framesDecoded,
    bytesReceived: framesDecoded * 1000,
    timestamp,
  };
}

/** The poll timer fires and the read it asks for answers `entry` (`at` ms after T0). */
function polled(state: TileMachineState, watch: number, entry: StatsEntry | undefined, at: number) {
  const reading = step(state, { type: 'timer', timer: 'poll' }, at);
  expect(reading.effects).toEqual([{ type: 'read-stats', watch }]);
  return step(reading.state, { type: 'stats', watch, entry }, at);
}

const idle = initialTileState(T0);
const connecting = after(idle, { type: 'start' });
const showing = after(connecting, { type: 'tracks', watch: 1, tracks: [VIDEO] });
const live = after(showing, { type: 'frame' });
const stale = [frames(25, 1000), frames(50, 2000), frames(50, 5000)].reduce(
  (state, entry) => polled(state, 1, entry, entry['timestamp'] as number).state,
  live,
);
const reconnecting = after(live, { type: 'failed', watch: 1, reason: 'ICE failed' });
const retrying = after(reconnecting, { type: 'timer', timer: 'retry' });
const error = [2, 3, 4, 5].reduce(
  (state, watch) =>
    after(state, { type: 'timer', timer: 'retry' }, { type: 'failed', watch, reason: 'streaming error 455' }),
  reconnecting,
);
const pausedLive = after(live, { type: 'pause' });
const pausedConnecting = after(connecting, { type: 'pause' });
const stopped = after(live, { type: 'stop' });

describe('tile machine: the states the other tests start from', () => {
  it.each([
    ['idle', idle, { state: 'idle', attempt: 0 }, undefined],
    ['connecting', connecting, { state: 'connecting', attempt: 0 }, 1],
    ['live', live, { state: 'live', attempt: 0 }, 1],
    ['stale', stale, { state: 'stale', reason: 'no frame decoded for 3 s', since: T0 + 5000 }, 1],
    ['reconnecting', reconnecting, { state: 'reconnecting', attempt: 1, reason: 'ICE failed' }, undefined],
    ['retrying', retrying, { state: 'reconnecting', attempt: 1 }, 2],
    [
      'error (still retrying)',
      error,
      { state: 'error', attempt: 5, reason: 'streaming error 455' },
      undefined,
    ],
    ['paused (handle kept)', pausedLive, { state: 'paused' }, 1],
    ['paused (attempt dropped)', pausedConnecting, { state: 'paused' }, undefined],
    ['stopped', stopped, { state: 'stopped' }, undefined],
  ])('%s', (_name, state, status, current) => {
    expect(state.status).toMatchObject(status);
    expect(state.current).toBe(current);
  });
});

describe('tile machine: transitions', () => {
  it.each<[string, TileMachineState, TileInput, object, TileEffect[]]>([
    [
      'start connects: a connect timeout, a new watch, the stats poll',
      idle,
      { type: 'start' },
      { state: 'connecting', since: T0, attempt: 0 },
      [
        { type: 'set-timer', timer: 'connect', ms: 15_000 },
        { type: 'open-watch', watch: 1 },
        { type: 'set-timer', timer: 'poll', ms: POLL_MS },
      ],
    ],
    ['start again does nothing', connecting, { type: 'start' }, { state: 'connecting' }, []],
    [
      'video tracks are shown',
      connecting,
      { type: 'tracks', watch: 1, tracks: [AUDIO, VIDEO] },
      { state: 'connecting' },
      [{ type: 'show', tracks: [AUDIO, VIDEO] }],
    ],
    ['a frame before any video is not live', connecting, { type: 'frame' }, { state: 'connecting' }, []],
    [
      'the first frame of shown video is live',
      showing,
      { type: 'frame' },
      { state: 'live', attempt: 0 },
      [{ type: 'cancel-timer', timer: 'connect' }],
    ],
    [
      'decoded frames in the stats are live too',
      after(connecting, { type: 'timer', timer: 'poll' }),
      { type: 'stats', watch: 1, entry: frames(12, 1000) },
      { state: 'live' },
      [
        { type: 'cancel-timer', timer: 'connect' },
        { type: 'set-timer', timer: 'poll', ms: POLL_MS },
      ],
    ],
    [
      'the poll timer reads the current watch',
      live,
      { type: 'timer', timer: 'poll' },
      { state: 'live' },
      [{ type: 'read-stats', watch: 1 }],
    ],
    [
      'no video within the connect timeout fails the attempt',
      connecting,
      { type: 'timer', timer: 'connect' },
      { state: 'reconnecting', attempt: 1, reason: 'no video within 15000 ms' },
      [
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'close-watch', watch: 1 },
        { type: 'set-timer', timer: 'retry', ms: 500 },
      ],
    ],
    [
      'a failed watch is closed and retried after the backoff',
      live,
      { type: 'failed', watch: 1, reason: 'PeerConnection down' },
      { state: 'reconnecting', attempt: 1, reason: 'PeerConnection down' },
      [
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'close-watch', watch: 1 },
        { type: 'set-timer', timer: 'retry', ms: 500 },
      ],
    ],
    [
      'the retry timer opens a fresh watch',
      reconnecting,
      { type: 'timer', timer: 'retry' },
      { state: 'reconnecting', attempt: 1 },
      [
        { type: 'set-timer', timer: 'connect', ms: 15_000 },
        { type: 'open-watch', watch: 2 },
        { type: 'set-timer', timer: 'poll', ms: POLL_MS },
      ],
    ],
    [
      'a live tile pauses its watch and keeps it',
      live,
      { type: 'pause' },
      { state: 'paused' },
      [
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'pause-watch', watch: 1 },
      ],
    ],
    [
      'a connecting tile drops its attempt when paused',
      connecting,
      { type: 'pause' },
      { state: 'paused' },
      [
        { type: 'cancel-timer', timer: 'connect' },
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'close-watch', watch: 1 },
      ],
    ],
    [
      'a reconnecting tile stops waiting when paused',
      reconnecting,
      { type: 'pause' },
      { state: 'paused' },
      [{ type: 'cancel-timer', timer: 'retry' }],
    ],
    ['pausing twice does nothing', pausedLive, { type: 'pause' }, { state: 'paused' }, []],
    [
      'resume restarts the kept watch: live again',
      pausedLive,
      { type: 'resume' },
      { state: 'live' },
      [
        { type: 'resume-watch', watch: 1 },
        { type: 'set-timer', timer: 'poll', ms: POLL_MS },
      ],
    ],
    [
      'resume after a dropped attempt connects afresh',
      pausedConnecting,
      { type: 'resume' },
      { state: 'connecting' },
      [
        { type: 'set-timer', timer: 'connect', ms: 15_000 },
        { type: 'open-watch', watch: 2 },
        { type: 'set-timer', timer: 'poll', ms: POLL_MS },
      ],
    ],
    ['resume when not paused does nothing', live, { type: 'resume' }, { state: 'live' }, []],
    [
      'a paused watch that fails is dropped without a retry',
      pausedLive,
      { type: 'failed', watch: 1, reason: 'Janus session lost' },
      { state: 'paused', attempt: 0 },
      [{ type: 'close-watch', watch: 1 }],
    ],
  ])('%s', (_name, from, input, status, effects) => {
    const transition = step(from, input);
    expect(transition.state.status).toMatchObject(status);
    expect(transition.effects).toEqual(effects);
  });
});

describe('tile machine: stale detection', () => {
  it('goes stale once framesDecoded stalls for staleAfterMs, keeping the watch, and live when frames advance', () => {
    let state = polled(live, 1, frames(25, 1000), 1000).state;
    state = polled(state, 1, frames(50, 2000), 2000).state;
    state = polled(state, 1, frames(50, 4999), 4999).state;
    expect(state.status.state).toBe('live');
    const staleNow = polled(state, 1, frames(50, 5000), 5000);
    expect(staleNow.state.status).toEqual({
      state: 'stale',
      since: T0 + 5000,
      attempt: 0,
      reason: 'no frame decoded for 3 s',
    });
    expect(staleNow.effects).toEqual([{ type: 'set-timer', timer: 'poll', ms: POLL_MS }]);
    expect(staleNow.state.current).toBe(1);
    const again = polled(staleNow.state, 1, frames(75, 6000), 6000);
    expect(again.state.status).toMatchObject({ state: 'live', since: T0 + 6000 });
    expect(again.state.stats).toMatchObject({ framesDecoded: 75, fps: 25, bitrateKbps: 200 });
  });

  it('takes no sample while paused and polls no more', () => {
    const { state, effects } = step(pausedLive, { type: 'stats', watch: 1, entry: frames(999, 9000) }, 9000);
    expect(state).toEqual(pausedLive);
    expect(effects).toEqual([]);
  });

  it('keeps polling when a read finds no inbound video', () => {
    const { state, effects } = polled(live, 1, undefined, 1000);
    expect(state.stats).toBeUndefined();
    expect(state.status).toBe(live.status);
    expect(effects).toEqual([{ type: 'set-timer', timer: 'poll', ms: POLL_MS }]);
  });
});

describe('tile machine: reconnecting', () => {
  it('backs off 500 ms doubling to the 10 s cap, shows error from the fifth failure, and is live again at 0', () => {
    let state = connecting;
    const delays: number[] = [];
    const states: string[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      const failed = step(state, { type: 'failed', watch: attempt, reason: 'streaming error 455' });
      delays.push(...failed.effects.flatMap((effect) => (effect.type === 'set-timer' ? [effect.ms] : [])));
      states.push(`${failed.state.status.state} ${failed.state.status.attempt}`);
      state = step(failed.state, { type: 'timer', timer: 'retry' }).state;
      expect(state.current).toBe(attempt + 1);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(states).toEqual([
      'reconnecting 1',
      'reconnecting 2',
      'reconnecting 3',
      'reconnecting 4',
      'error 5',
      'error 6',
      'error 7',
    ]);
    state = after(state, { type: 'tracks', watch: 8, tracks: [VIDEO] }, { type: 'frame' });
    expect(state.status).toEqual({ state: 'live', since: T0, attempt: 0 });
  });
});

describe('tile machine: stop', () => {
  it.each([
    ['idle', idle, []],
    [
      'connecting',
      connecting,
      [
        { type: 'cancel-timer', timer: 'connect' },
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'close-watch', watch: 1 },
      ],
    ],
    [
      'live',
      live,
      [
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'close-watch', watch: 1 },
      ],
    ],
    [
      'stale',
      stale,
      [
        { type: 'cancel-timer', timer: 'poll' },
        { type: 'close-watch', watch: 1 },
      ],
    ],
    ['reconnecting', reconnecting, [{ type: 'cancel-timer', timer: 'retry' }]],
    ['error', error, [{ type: 'cancel-timer', timer: 'retry' }]],
    ['paused with its handle', pausedLive, [{ type: 'close-watch', watch: 1 }]],
    ['paused without one', pausedConnecting, []],
  ])('from %s: cancels its timers, closes its watches, releases the surface', (_name, from, closing) => {
    const { state, effects } = step(from, { type: 'stop' }, 500);
    expect(effects).toEqual([...closing, { type: 'release' }]);
    expect(state).toMatchObject({
      status: { state: 'stopped', since: T0 + 500, attempt: 0 },
      current: undefined,
      stats: undefined,
      timers: { retry: false, connect: false, poll: false },
    });
  });

  it.each<TileInput>([
    { type: 'stop' },
    { type: 'start' },
    { type: 'resume' },
    { type: 'pause' },
    { type: 'frame' },
    { type: 'timer', timer: 'retry' },
    { type: 'failed', watch: 1, reason: 'late' },
    { type: 'stats', watch: 1, entry: frames(100, 9000) },
  ])('once stopped, $type changes nothing', (input) => {
    const { state, effects } = step(stopped, input, 9000);
    expect(state).toBe(stopped);
    expect(effects).toEqual([]);
  });
});

describe('tile machine: late events from an old watch', () => {
  it.each<TileInput>([
    { type: 'tracks', watch: 1, tracks: [VIDEO] },
    { type: 'failed', watch: 1, reason: 'PeerConnection down' },
    { type: 'stats', watch: 1, entry: frames(500, 2000) },
  ])('$type from watch 1 while watch 2 plays is ignored', (input) => {
    const { state, effects } = step(retrying, input);
    expect(state).toEqual(retrying);
    expect(effects).toEqual([]);
  });
});
