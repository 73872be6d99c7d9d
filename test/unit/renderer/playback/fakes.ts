// Small stand-ins for the browser's <video>, MediaSource and SourceBuffer, and a hand-driven ticker, counting
// what was created and freed.
import type {
  MediaEnv,
  MediaSourceLike,
  PlaybackSource,
  SourceBufferLike,
  Ticker,
  TimeRangesLike,
  VideoLike,
} from '../../../../renderer/playback/media';
import { concat, fragment, initSegment } from './mp4-fixture';

type Listener = () => void;

function ranges(list: readonly [number, number][]): TimeRangesLike {
  return {
    length: list.length,
    start: (i) => list[i]?.[0] ?? 0,
    end: (i) => list[i]?.[1] ?? 0,
  };
}

class Events {
  readonly #listeners = new Map<string, Set<Listener>>();
  addEventListener(type: string, listener: Listener): void {
    const set = this.#listeners.get(type) ?? new Set();
    set.add(listener);
    this.#listeners.set(type, set);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }
  emit(type: string): void {
    const set = this.#listeners.get(type);
    this.#listeners.delete(type);
    for (const listener of set ?? []) listener();
  }
  count(): number {
    return [...this.#listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

/** A SourceBuffer whose every append adds `secondsPerAppend` to one buffered range starting at `startAt`. */
export class FakeSourceBuffer extends Events implements SourceBufferLike {
  updating = false;
  timestampOffset = 0;
  aborts = 0;
  list: [number, number][] = [];
  appended = 0;
  constructor(
    readonly mime: string,
    private readonly secondsPerAppend: number,
    private readonly startAt: number,
  ) {
    super();
  }
  get buffered(): TimeRangesLike {
    return ranges(this.list);
  }
  appendBuffer(): void {
    this.updating = true;
    this.appended++;
    queueMicrotask(() => {
      const last = this.list[this.list.length - 1];
      this.list = last
        ? [...this.list.slice(0, -1), [last[0], last[1] + this.secondsPerAppend]]
        : [[this.startAt, this.startAt + this.secondsPerAppend]];
      this.updating = false;
      this.emit('updateend');
    });
  }
  remove(start: number, end: number): void {
    this.updating = true;
    queueMicrotask(() => {
      this.list = this.list.flatMap(([s, e]): [number, number][] =>
        e <= start || s >= end ? [[s, e]] : s < start ? [[s, start]] : e > end ? [[end, e]] : [],
      );
      this.updating = false;
      this.emit('updateend');
    });
  }
  abort(): void {
    this.updating = false;
    this.aborts++;
  }
}

/** A MediaSource that opens when a video takes its URL. */
export class FakeMediaSource extends Events implements MediaSourceLike {
  readyState: 'closed' | 'open' | 'ended' = 'closed';
  buffers: FakeSourceBuffer[] = [];
  removed: SourceBufferLike[] = [];
  video: FakeVideo | undefined;
  constructor(private readonly env: FakeMediaEnv) {
    super();
  }
  addSourceBuffer(mime: string): FakeSourceBuffer {
    const buffer = new FakeSourceBuffer(mime, this.env.secondsPerAppend, this.env.bufferStart);
    this.buffers.push(buffer);
    if (this.video) this.video.buffer = buffer;
    return buffer;
  }
  removeSourceBuffer(buffer: SourceBufferLike): void {
    this.removed.push(buffer);
  }
  endOfStream(): void {
    this.readyState = 'ended';
  }
}

/** A <video> that plays nothing but records what it was told. */
export class FakeVideo implements VideoLike {
  currentTime = 0;
  playbackRate = 1;
  paused = true;
  muted = false;
  playsInline = false;
  plays = 0;
  buffer: FakeSourceBuffer | undefined;
  #src = '';
  constructor(private readonly env: () => FakeMediaEnv) {}
  get buffered(): TimeRangesLike {
    return this.buffer?.buffered ?? ranges([]);
  }
  get src(): string {
    return this.#src;
  }
  set src(url: string) {
    this.#src = url;
    const source = this.env().sources.get(url);
    if (source) {
      source.video = this;
      queueMicrotask(() => {
        source.readyState = 'open';
        source.emit('sourceopen');
      });
    }
  }
  play(): Promise<void> {
    this.paused = false;
    this.plays++;
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  load(): void {
    this.buffer = undefined;
  }
  removeAttribute(): void {
    this.#src = '';
  }
}

/** The browser's media side for one video: MediaSources, object URLs and what was revoked. */
export class FakeMediaEnv implements MediaEnv {
  readonly sources = new Map<string, FakeMediaSource>();
  readonly created: FakeMediaSource[] = [];
  readonly revoked: string[] = [];
  readonly videos: FakeVideo[] = [];
  secondsPerAppend = 5;
  bufferStart = 0;
  #urls = 0;
  /** A new video on this environment. */
  newVideo(): FakeVideo {
    const video = new FakeVideo(() => this);
    this.videos.push(video);
    return video;
  }
  createMediaSource(): FakeMediaSource {
    const source = new FakeMediaSource(this);
    this.created.push(source);
    return source;
  }
  createObjectURL(source: MediaSourceLike): string {
    const url = `blob:fake/${++this.#urls}`;
    const fake = this.created.find((created) => created === source);
    if (fake) this.sources.set(url, fake);
    return url;
  }
  revokeObjectURL(url: string): void {
    this.revoked.push(url);
    this.sources.delete(url);
  }
}

/** A playback source serving an init segment then `fragments` fragments; records every request and abort. */
export function fakeSource(startMs: (fromMs: number) => number, fragments = 3) {
  const requests: { cameraId: string; fromMs: number; signal: AbortSignal }[] = [];
  const source: PlaybackSource = (cameraId, fromMs, signal) => {
    requests.push({ cameraId, fromMs, signal });
    const parts = [concat(initSegment(0x42, 0xe0, 0x1f, 90_000), fragment(3600))];
    for (let i = 1; i < fragments; i++) parts.push(fragment(3600));
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        const next = parts.shift();
        if (next) controller.enqueue(next);
        // Follows the live edge: never closes by itself.
      },
    });
    return Promise.resolve({ startMs: startMs(fromMs), body });
  };
  return { source, requests };
}

/** A ticker the test advances by hand. */
export class FakeTicker implements Ticker {
  at = 0;
  readonly #timers = new Set<() => void>();
  now(): number {
    return this.at;
  }
  every(_ms: number, fn: () => void): () => void {
    this.#timers.add(fn);
    return () => this.#timers.delete(fn);
  }
  get active(): number {
    return this.#timers.size;
  }
  /** Moves time on by `ms` and fires the timers once. */
  advance(ms: number): void {
    this.at += ms;
    for (const fn of [...this.#timers]) fn();
  }
}

/** Lets queued microtasks and promise chains run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
