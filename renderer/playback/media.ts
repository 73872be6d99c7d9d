// The few browser members playback touches, as interfaces: the real <video>, MediaSource and SourceBuffer fit
// them, and unit tests pass small fakes.

/** A stretch of buffered media, in seconds. */
export interface TimeRangesLike {
  readonly length: number;
  start(index: number): number;
  end(index: number): number;
}

/** The members of `HTMLVideoElement` playback uses. */
export interface VideoLike {
  currentTime: number;
  playbackRate: number;
  readonly paused: boolean;
  readonly buffered: TimeRangesLike;
  src: string;
  muted: boolean;
  playsInline: boolean;
  play(): Promise<void>;
  pause(): void;
  load(): void;
  removeAttribute(name: 'src'): void;
}

/** The members of `SourceBuffer` playback uses. */
export interface SourceBufferLike {
  readonly updating: boolean;
  /** Seconds added to the timestamps of media appended from now on. */
  timestampOffset: number;
  readonly buffered: TimeRangesLike;
  appendBuffer(data: Uint8Array<ArrayBuffer>): void;
  remove(start: number, end: number): void;
  abort(): void;
  addEventListener(type: 'updateend' | 'error', listener: () => void, options?: { once: boolean }): void;
  removeEventListener(type: 'updateend' | 'error', listener: () => void): void;
}

/** The members of `MediaSource` playback uses. */
export interface MediaSourceLike {
  readonly readyState: 'closed' | 'open' | 'ended';
  addSourceBuffer(mime: string): SourceBufferLike;
  removeSourceBuffer(buffer: SourceBufferLike): void;
  endOfStream(): void;
  addEventListener(type: 'sourceopen', listener: () => void, options?: { once: boolean }): void;
}

/** Where MediaSources and their object URLs come from (the browser's by default). */
export interface MediaEnv {
  createMediaSource(): MediaSourceLike;
  createObjectURL(source: MediaSourceLike): string;
  revokeObjectURL(url: string): void;
}

/** The browser's MediaSource and object URLs. */
export function browserMediaEnv(): MediaEnv {
  return {
    createMediaSource: () => new MediaSource(),
    createObjectURL: (source) => URL.createObjectURL(source as MediaSource),
    revokeObjectURL: (url) => {
      URL.revokeObjectURL(url);
    },
  };
}

/** A playback stream as the station answers `GET /cameras/{id}/playback?from=`. */
export interface PlaybackStream {
  /** The wall-clock ms of media time 0 (`X-Vigil-Playback-Start`). */
  startMs: number;
  body: ReadableStream<Uint8Array<ArrayBuffer>>;
}

/** Opens a camera's playback stream from `fromMs`; aborting `signal` closes it. Rejects with a VigilError. */
export type PlaybackSource = (
  cameraId: string,
  fromMs: number,
  signal: AbortSignal,
) => Promise<PlaybackStream>;

/** The page's monotonic clock and a repeating timer (injected by tests). */
export interface Ticker {
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

/** `performance.now()` and `setInterval`. */
export const browserTicker: Ticker = {
  now: () => performance.now(),
  every: (ms, fn) => {
    const id = setInterval(fn, ms);
    return () => {
      clearInterval(id);
    };
  },
};

/** The ranges of a TimeRanges, as plain objects. */
export function rangesOf(ranges: TimeRangesLike): { start: number; end: number }[] {
  return Array.from({ length: ranges.length }, (_, i) => ({ start: ranges.start(i), end: ranges.end(i) }));
}
