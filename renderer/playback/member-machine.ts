// One tile's playback decisions as a pure function, like the live tile's `tile-machine.ts`:
// `step(state, event)` returns the next state and the effects to run (open or close a playback stream, seek,
// set the rate, play, pause). `member.ts` runs them against a <video> and Media Source Extensions.
import { correction } from './clock';
import { EDGE_SECONDS, mediaAt, place, wallAt, type Range } from './timeline';

/** Where a playing tile is. */
export type MemberPhase =
  /** Asking the station for the stream. */
  | 'opening'
  /** The stream is open; the clock's instant is not buffered yet. */
  | 'buffering'
  | 'playing'
  | 'paused'
  /** Nothing was recorded at the clock's instant; the recording goes on at `nextMs`. */
  | 'gap'
  /** The stream ended and the clock is past its last frame. */
  | 'ended'
  | 'error'
  | 'stopped';

/** A tile's playback status, for the desk. */
export interface MemberStatus {
  phase: MemberPhase;
  /** The wall-clock instant of the frame shown, once one is. */
  shownMs?: number;
  /** In a gap: where the recording goes on. */
  nextMs?: number;
  reason?: string;
}

/** The machine's state. */
export interface MemberState {
  readonly status: MemberStatus;
  /** The open stream's number, if any; events of older streams are ignored. */
  readonly session: number | undefined;
  readonly nextSession: number;
  /** The instant the open stream was asked for. */
  readonly openedFor: number;
  /** The wall-clock ms of the open stream's media time 0 (`X-Vigil-Playback-Start`). */
  readonly startMs: number | undefined;
  /** The open stream has ended: no more data will come. */
  readonly done: boolean;
  /** Where the open stream's first buffered range started (media seconds), before any eviction. */
  readonly firstBuffered: number | undefined;
}

/** What the video shows, read at each tick. */
export interface VideoReading {
  currentTime: number;
  paused: boolean;
  buffered: readonly Range[];
}

/** The inputs. */
export type MemberEvent =
  | { type: 'open'; wallMs: number }
  | { type: 'opened'; session: number; startMs: number }
  | { type: 'ended'; session: number }
  | { type: 'failed'; session: number; reason: string }
  | { type: 'tick'; wallMs: number; running: boolean; rate: number; video: VideoReading }
  | { type: 'stop' };

/** The effects `member.ts` runs. */
export type MemberEffect =
  | { type: 'open'; session: number; fromMs: number }
  | { type: 'close'; session: number }
  | { type: 'seek'; to: number }
  | { type: 'rate'; rate: number }
  | { type: 'play' }
  | { type: 'pause' };

/** A transition's result. */
export interface MemberTransition {
  state: MemberState;
  effects: MemberEffect[];
}

/** Past the buffered end by more than this, the tile asks for a new stream from the clock's instant. */
export const REOPEN_AHEAD_SECONDS = 15;
/** A failed stream is asked for again once the clock has moved this far from where it failed. */
export const RETRY_AFTER_MS = 10_000;

/** The state before the first `open`. */
export const initialMember: MemberState = {
  status: { phase: 'opening' },
  session: undefined,
  nextSession: 1,
  openedFor: 0,
  startMs: undefined,
  done: false,
  firstBuffered: undefined,
};

/** One transition. Events of a stream that is no longer the open one, and anything after `stop`, change nothing. */
export function step(state: MemberState, event: MemberEvent): MemberTransition {
  if (state.status.phase === 'stopped') return { state, effects: [] };
  switch (event.type) {
    case 'open':
      return open(state, event.wallMs);
    case 'opened':
      if (event.session !== state.session) return { state, effects: [] };
      return { state: { ...state, startMs: event.startMs, status: { phase: 'buffering' } }, effects: [] };
    case 'ended':
      return { state: event.session === state.session ? { ...state, done: true } : state, effects: [] };
    case 'failed':
      if (event.session !== state.session) return { state, effects: [] };
      return {
        state: { ...state, session: undefined, status: { phase: 'error', reason: event.reason } },
        effects: [{ type: 'close', session: event.session }],
      };
    case 'tick':
      return tick(state, event);
    case 'stop':
      return {
        state: { ...state, session: undefined, status: { phase: 'stopped' } },
        effects: state.session === undefined ? [] : [{ type: 'close', session: state.session }],
      };
  }
}

function open(state: MemberState, wallMs: number): MemberTransition {
  const session = state.nextSession;
  const effects: MemberEffect[] =
    state.session === undefined ? [] : [{ type: 'close', session: state.session }];
  effects.push({ type: 'open', session, fromMs: wallMs });
  return {
    state: {
      status: { phase: 'opening' },
      session,
      nextSession: session + 1,
      openedFor: wallMs,
      startMs: undefined,
      done: false,
      firstBuffered: undefined,
    },
    effects,
  };
}

function tick(state: MemberState, event: Extract<MemberEvent, { type: 'tick' }>): MemberTransition {
  const { wallMs, running, rate, video } = event;
  if (state.status.phase === 'error') {
    return Math.abs(wallMs - state.openedFor) >= RETRY_AFTER_MS
      ? open(state, wallMs)
      : { state, effects: [] };
  }
  const { startMs } = state;
  if (startMs === undefined) return { state, effects: [] };
  const firstBuffered = state.firstBuffered ?? video.buffered[0]?.start;
  const shown = video.buffered.length > 0 ? { shownMs: wallAt(startMs, video.currentTime) } : {};
  const hold = (status: MemberStatus): MemberTransition => ({
    state: { ...state, firstBuffered, status: { ...shown, ...status } },
    effects: video.paused ? [] : [{ type: 'pause' }],
  });
  const target = mediaAt(startMs, wallMs);
  const where = place(video.buffered, target);
  switch (where.kind) {
    case 'inside': {
      const fix = correction(target, video.currentTime, rate, running);
      const effects: MemberEffect[] = [
        fix.kind === 'seek' ? { type: 'seek', to: fix.to } : { type: 'rate', rate: fix.rate },
      ];
      if (running && video.paused) effects.push({ type: 'play' });
      if (!running && !video.paused) effects.push({ type: 'pause' });
      const status: MemberStatus = { ...shown, phase: running ? 'playing' : 'paused' };
      return { state: { ...state, firstBuffered, status }, effects };
    }
    case 'gap':
      return hold({ phase: 'gap', nextMs: wallAt(startMs, where.next) });
    case 'before':
      // Asked for an instant with nothing recorded, the stream starts at the next recording: a gap until then.
      // Before what was evicted, or before the instant asked for: a new stream from there.
      if (wallMs >= state.openedFor - 1000 && where.start <= (firstBuffered ?? 0) + EDGE_SECONDS) {
        return hold({ phase: 'gap', nextMs: wallAt(startMs, where.start) });
      }
      return open(state, wallMs);
    case 'ahead':
      if (where.end !== undefined && target > where.end + REOPEN_AHEAD_SECONDS) return open(state, wallMs);
      return hold({ phase: state.done ? 'ended' : 'buffering' });
  }
}
