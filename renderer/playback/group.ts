import {
  clockAt,
  running,
  seekClock,
  setHeld,
  setPaused,
  setRate,
  startClock,
  stepClock,
  type PlaybackClock,
} from './clock';
import type { FeedDeps } from './feed';
import { browserTicker, type Ticker, type VideoLike } from './media';
import type { MemberStatus } from './member-machine';
import { PlaybackMember } from './member';

/** How often members follow the clock (ms). */
export const TICK_MS = 100;

/** One member as the desk sees it. */
export interface MemberSnapshot extends MemberStatus {
  cameraId: string;
}

/** The group's state for the desk: the clock and each member. The same object until something changes. */
export interface GroupSnapshot {
  /** The wall-clock instant the clock shows. */
  wallMs: number;
  rate: number;
  /** Paused by the operator. */
  paused: boolean;
  /** Waiting for a tile to have the instant. */
  held: boolean;
  members: ReadonlyMap<string, MemberSnapshot>;
}

/** What a group needs: the stream source and, for tests, fakes of the browser. */
export interface GroupDeps extends FeedDeps {
  ticker?: Ticker;
}

/** Phases in which a tile has no picture for the instant yet but will: the clock waits for them. */
const WAITING = new Set(['opening', 'buffering']);

/**
 * Tiles playing recordings on one shared clock: one tile's instant replay, or a whole view in step. The clock
 * waits while a tile fetches the instant, skips a gap when every tile is in one, and each tile follows it
 * (seek when far off, a slightly faster or slower rate when close), so tiles stay within a frame or two.
 * @example
 * const group = new PlaybackGroup(Date.now() - 30_000, { source, media: browserMediaEnv() });
 * const remove = group.add('tile-0', 'lobby', video);
 * group.setRate(4);
 */
export class PlaybackGroup {
  readonly #deps: GroupDeps;
  readonly #ticker: Ticker;
  readonly #members = new Map<string, PlaybackMember>();
  readonly #listeners = new Set<() => void>();
  #clock: PlaybackClock;
  #snapshot: GroupSnapshot;
  #stopTicking: (() => void) | undefined;

  constructor(fromMs: number, deps: GroupDeps) {
    this.#deps = deps;
    this.#ticker = deps.ticker ?? browserTicker;
    this.#clock = startClock(fromMs, this.#ticker.now());
    this.#snapshot = this.#read();
  }

  /** Plays `cameraId` into `video` as member `key`, from the clock's instant; returns its removal. */
  add(key: string, cameraId: string, video: VideoLike): () => void {
    this.#members.get(key)?.stop();
    const member = new PlaybackMember(cameraId, video, this.#deps);
    this.#members.set(key, member);
    member.open(this.now());
    this.#stopTicking ??= this.#ticker.every(TICK_MS, () => {
      this.#tick();
    });
    this.#tick();
    return () => {
      if (this.#members.get(key) !== member) return;
      member.stop();
      this.#members.delete(key);
      this.#publish();
    };
  }

  /** The wall-clock instant shown now. */
  now(): number {
    return clockAt(this.#clock, this.#ticker.now());
  }

  snapshot(): GroupSnapshot {
    return this.#snapshot;
  }

  /** Registers a change listener (React's `useSyncExternalStore` shape); returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  play(): void {
    this.#change((clock, now) => setPaused(clock, false, now));
  }

  pause(): void {
    this.#change((clock, now) => setPaused(clock, true, now));
  }

  toggle(): void {
    this.#change((clock, now) => setPaused(clock, !clock.paused, now));
  }

  /** 1×, 2×, 4× or 8×. */
  setRate(rate: number): void {
    this.#change((clock, now) => setRate(clock, rate, now));
  }

  /** Pauses and moves one frame forward (1) or back (-1). */
  stepFrame(direction: 1 | -1): void {
    const frame = [...this.#members.values()][0]?.frameSeconds ?? 0.04;
    this.#change((clock, now) => stepClock(clock, direction * frame * 1000, now));
  }

  /** Jumps every tile to `wallMs`. */
  seek(wallMs: number): void {
    this.#change((clock, now) => seekClock(clock, wallMs, now));
  }

  /** Stops every tile and the clock; final. */
  destroy(): void {
    this.#stopTicking?.();
    this.#stopTicking = undefined;
    for (const member of this.#members.values()) member.stop();
    this.#members.clear();
    this.#listeners.clear();
  }

  #change(change: (clock: PlaybackClock, now: number) => PlaybackClock): void {
    this.#clock = change(this.#clock, this.#ticker.now());
    this.#tick();
  }

  #tick(): void {
    const now = this.#ticker.now();
    const reading = {
      wallMs: clockAt(this.#clock, now),
      running: running(this.#clock),
      rate: this.#clock.rate,
    };
    for (const member of this.#members.values()) member.tick(reading);
    const statuses = [...this.#members.values()].map((member) => member.status());
    this.#clock = setHeld(
      this.#clock,
      statuses.some((s) => WAITING.has(s.phase)),
      now,
    );
    // Every tile in a gap (or past its end): nothing to show, so go on where the first recording resumes.
    const resumes = statuses.flatMap((s) => (s.phase === 'gap' && s.nextMs !== undefined ? [s.nextMs] : []));
    const idle = statuses.every((s) => s.phase === 'gap' || s.phase === 'ended' || s.phase === 'error');
    if (idle && resumes.length > 0) this.#clock = seekClock(this.#clock, Math.min(...resumes), now);
    this.#publish();
  }

  #read(): GroupSnapshot {
    const members = new Map<string, MemberSnapshot>();
    for (const [key, member] of this.#members)
      members.set(key, { ...member.status(), cameraId: member.cameraId });
    const { rate, paused, held } = this.#clock;
    return { wallMs: this.now(), rate, paused, held, members };
  }

  #publish(): void {
    const next = this.#read();
    if (sameSnapshot(this.#snapshot, next)) return;
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) listener();
  }
}

function sameMember(a: MemberSnapshot | undefined, b: MemberSnapshot): boolean {
  return (
    a !== undefined &&
    a.phase === b.phase &&
    a.cameraId === b.cameraId &&
    a.reason === b.reason &&
    a.nextMs === b.nextMs &&
    Math.floor((a.shownMs ?? 0) / 100) === Math.floor((b.shownMs ?? 0) / 100)
  );
}

/** Equal for the desk: same clock state, the same tenth of a second, the same member phases. */
function sameSnapshot(a: GroupSnapshot, b: GroupSnapshot): boolean {
  if (a.rate !== b.rate || a.paused !== b.paused || a.held !== b.held) return false;
  if (Math.floor(a.wallMs / 100) !== Math.floor(b.wallMs / 100) || a.members.size !== b.members.size)
    return false;
  return [...b.members].every(([key, m]) => sameMember(a.members.get(key), m));
}
