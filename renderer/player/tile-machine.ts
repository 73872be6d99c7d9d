// The tile player's decisions as one pure function: `next(state, event, settings)` returns the next state
// and the effects to run (watches to open and close, timers, the surface, stats reads). `tile.ts` runs them.
import { backoffDelay } from '../../common/backoff';
import type { RemoteTrack, StatsEntry } from './janus-like';
import type { TileState } from './model';
import { readStats, stallFrom, updateStall } from './stats';
import type {
  TileEffect,
  TileEvent,
  TileMachineState,
  TileSettings,
  TileTimer,
  Transition,
  WatchId,
} from './tile-protocol';

/** How often a tile with media samples `getStats()`. */
export const POLL_MS = 1000;

/**
 * The tile's transitions (see `Tile` for the states). Events a state does not expect — from a watch that is
 * no longer current, or anything after `stop` — leave it as it is.
 */
export function next(state: TileMachineState, event: TileEvent, settings: TileSettings): Transition {
  if (state.status.state === 'stopped') return { state, effects: [] };
  const step = new Step(state, event.at, settings);
  step.apply(event);
  return step.result();
}

type Draft = { -readonly [K in keyof TileMachineState]: TileMachineState[K] };

/** One transition being worked out: a copy of the state and the effects so far. */
class Step {
  readonly #state: Draft;
  readonly #effects: TileEffect[] = [];
  readonly #at: number;
  readonly #settings: TileSettings;

  constructor(state: TileMachineState, at: number, settings: TileSettings) {
    this.#state = { ...state };
    this.#at = at;
    this.#settings = settings;
  }

  result(): Transition {
    return { state: this.#state, effects: this.#effects };
  }

  apply(event: TileEvent): void {
    const s = this.#state;
    switch (event.type) {
      case 'start':
        if (s.status.state === 'idle') this.#connect();
        return;
      case 'pause':
        this.#pause();
        return;
      case 'resume':
        this.#resume();
        return;
      case 'stop':
        this.#stop();
        return;
      case 'frame':
        if (s.shown && this.#connecting()) this.#live();
        return;
      case 'tracks':
        this.#tracks(event.watch, event.tracks);
        return;
      case 'failed':
        this.#failed(event.watch, event.reason);
        return;
      case 'timer':
        this.#timerFired(event.timer);
        return;
      case 'stats':
        this.#stats(event.watch, event.entry);
        return;
    }
  }

  #connect(): void {
    const s = this.#state;
    if (!this.#connecting()) this.#set('connecting', undefined, 0);
    s.current = this.#newWatch();
    s.shown = false;
    s.pausedWithHandle = false;
    this.#resetStats();
    this.#setTimer('connect', this.#settings.connectTimeoutMs);
    this.#effects.push({ type: 'open-watch', watch: s.current });
    this.#schedulePoll();
  }

  #pause(): void {
    const s = this.#state;
    const { state } = s.status;
    if (state === 'paused') return;
    this.#clearTimers();
    if ((state === 'live' || state === 'stale') && s.current !== undefined) {
      this.#effects.push({ type: 'pause-watch', watch: s.current });
      s.pausedWithHandle = true;
    } else {
      this.#dropCurrent();
    }
    this.#set('paused', undefined, 0);
  }

  #resume(): void {
    const s = this.#state;
    if (s.status.state !== 'paused') return;
    if (s.pausedWithHandle && s.current !== undefined) {
      s.pausedWithHandle = false;
      this.#effects.push({ type: 'resume-watch', watch: s.current });
      s.stall = stallFrom(this.#at);
      this.#set('live', undefined, 0);
      this.#schedulePoll();
    } else {
      this.#connect();
    }
  }

  #stop(): void {
    const s = this.#state;
    this.#clearTimers();
    this.#dropCurrent();
    s.stats = undefined;
    this.#effects.push({ type: 'release' });
    this.#set('stopped', undefined, 0);
  }

  #tracks(watch: WatchId, tracks: readonly RemoteTrack[]): void {
    const s = this.#state;
    if (s.current !== watch) return;
    this.#effects.push({ type: 'show', tracks });
    // Janus offers a camera's audio before its video: an audio track alone decodes no frame to show.
    s.shown = hasVideo(tracks);
  }

  #failed(watch: WatchId, reason: string): void {
    const s = this.#state;
    if (s.current !== watch) return;
    this.#clearTimers();
    this.#dropCurrent();
    if (s.status.state === 'paused') return;
    const attempt = s.status.attempt + 1;
    this.#set(attempt >= this.#settings.errorAfterAttempts ? 'error' : 'reconnecting', reason, attempt);
    // Attempts count from 1 here; the first retry is backoff step 0.
    this.#setTimer('retry', backoffDelay(attempt - 1, this.#settings.backoff));
  }

  #timerFired(timer: TileTimer): void {
    const s = this.#state;
    s.timers = { ...s.timers, [timer]: false };
    if (timer === 'retry') this.#connect();
    else if (timer === 'poll' && s.current !== undefined) {
      this.#effects.push({ type: 'read-stats', watch: s.current });
    } else if (timer === 'connect' && s.current !== undefined) {
      this.#failed(s.current, `no video within ${this.#settings.connectTimeoutMs} ms`);
    }
  }

  #stats(watch: WatchId, entry: StatsEntry | undefined): void {
    const s = this.#state;
    if (entry && watch === s.current && s.status.state !== 'paused') {
      const sampled = readStats(entry, s.sample);
      s.stats = sampled.stats;
      s.sample = sampled.sample;
      const { stall, stalledMs } = updateStall(s.stall, sampled.stats.framesDecoded, this.#at);
      s.stall = stall;
      const { state } = s.status;
      const { staleAfterMs } = this.#settings;
      if (this.#connecting() && sampled.stats.framesDecoded > 0) this.#live();
      else if (state === 'live' && stalledMs >= staleAfterMs) {
        this.#set('stale', `no frame decoded for ${Math.round(stalledMs / 1000)} s`, 0);
      } else if (state === 'stale' && stalledMs < staleAfterMs) this.#set('live', undefined, 0);
    }
    if (s.status.state !== 'paused') this.#schedulePoll();
  }

  #live(): void {
    this.#cancelTimer('connect');
    this.#state.stall = stallFrom(this.#at);
    this.#set('live', undefined, 0);
  }

  #schedulePoll(): void {
    if (!this.#state.timers.poll && this.#state.current !== undefined) this.#setTimer('poll', POLL_MS);
  }

  #connecting(): boolean {
    const { state } = this.#state.status;
    return state === 'connecting' || state === 'reconnecting' || state === 'error';
  }

  #newWatch(): WatchId {
    const watch = this.#state.nextWatch;
    this.#state.nextWatch = watch + 1;
    return watch;
  }

  #resetStats(): void {
    const s = this.#state;
    s.stats = undefined;
    s.sample = undefined;
    s.stall = stallFrom(this.#at);
  }

  /** Closes the current watch, if any, and forgets what it showed. */
  #dropCurrent(): void {
    const s = this.#state;
    if (s.current !== undefined) this.#effects.push({ type: 'close-watch', watch: s.current });
    s.current = undefined;
    s.shown = false;
    s.pausedWithHandle = false;
    this.#resetStats();
  }

  #setTimer(timer: TileTimer, ms: number): void {
    this.#state.timers = { ...this.#state.timers, [timer]: true };
    this.#effects.push({ type: 'set-timer', timer, ms });
  }

  #cancelTimer(timer: TileTimer): void {
    if (!this.#state.timers[timer]) return;
    this.#state.timers = { ...this.#state.timers, [timer]: false };
    this.#effects.push({ type: 'cancel-timer', timer });
  }

  #clearTimers(): void {
    for (const timer of ['retry', 'connect', 'poll'] as const) this.#cancelTimer(timer);
  }

  #set(state: TileState, reason: string | undefined, attempt: number): void {
    const previous = this.#state.status;
    if (previous.state === state && previous.reason === reason && previous.attempt === attempt) return;
    const since = previous.state === state ? previous.since : this.#at;
    this.#state.status = { state, since, attempt, ...(reason === undefined ? {} : { reason }) };
  }
}

/** Whether the remote tracks include the video a tile exists to show. */
function hasVideo(tracks: readonly RemoteTrack[]): boolean {
  return tracks.some((track) => track.kind === 'video');
}
