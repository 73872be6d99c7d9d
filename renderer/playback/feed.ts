// One playback stream into one <video>: the station's fragmented MP4 read from `fetch`, appended to a fresh
// MediaSource's SourceBuffer. It reads only while less than BUFFER_AHEAD_SECONDS are buffered ahead of the
// picture (the stream follows the live edge: without back-pressure it would fill the buffer), and drops what
// lies more than KEEP_BEHIND_SECONDS behind. `close()` aborts the request and frees the MediaSource.
import { errorText } from '../../common/background';
import type { MediaEnv, MediaSourceLike, PlaybackSource, SourceBufferLike, VideoLike } from './media';
import { readHead, type StreamHead } from './mp4';

/** Buffered this far ahead of the picture, the feed stops reading until it plays on. */
export const BUFFER_AHEAD_SECONDS = 20;
/** Media further behind the picture than this is removed from the buffer. */
export const KEEP_BEHIND_SECONDS = 30;
/** Bytes read looking for the init segment and first fragment before giving up on the stream. */
const HEAD_LIMIT = 8 * 1024 * 1024;
const WAIT_MS = 200;

/** What the feed tells its owner. */
export interface FeedEvents {
  opened(startMs: number, head: StreamHead): void;
  ended(): void;
  failed(reason: string): void;
}

/** What a feed needs. */
export interface FeedDeps {
  source: PlaybackSource;
  media: MediaEnv;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Resolves once the buffer has finished its update (or rejects when it fails). */
function settled(buffer: SourceBufferLike): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      buffer.removeEventListener('error', failed);
      resolve();
    };
    const failed = (): void => {
      buffer.removeEventListener('updateend', done);
      reject(new Error('the browser could not decode the stream'));
    };
    buffer.addEventListener('updateend', done, { once: true });
    buffer.addEventListener('error', failed, { once: true });
  });
}

function concat(chunks: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** One playback stream feeding one video; start with `run()`, end with `close()` (idempotent). */
export class Feed {
  readonly #abort = new AbortController();
  #source: MediaSourceLike | undefined;
  #buffer: SourceBufferLike | undefined;
  #url: string | undefined;

  constructor(
    private readonly cameraId: string,
    private readonly fromMs: number,
    private readonly video: VideoLike,
    private readonly deps: FeedDeps,
    private readonly events: FeedEvents,
  ) {}

  /** Whether `close()` was called. */
  isClosed(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Fetches and appends until the stream ends, fails or the feed is closed; never rejects. */
  async run(): Promise<void> {
    try {
      const stream = await this.deps.source(this.cameraId, this.fromMs, this.#abort.signal);
      const reader = stream.body.getReader();
      try {
        await this.#pump(reader, stream.startMs);
      } finally {
        reader.cancel().catch(() => undefined);
      }
    } catch (error) {
      if (!this.isClosed()) this.events.failed(errorText(error));
    }
  }

  async #pump(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>, startMs: number): Promise<void> {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let head: StreamHead | undefined;
    let size = 0;
    while (!head) {
      const { value, done } = await reader.read();
      if (done || this.isClosed()) throw new Error('the stream ended before its first picture');
      chunks.push(value);
      size += value.length;
      if (size > HEAD_LIMIT) throw new Error('the stream does not start with a playable MP4 header');
      head = readHead(concat(chunks));
    }
    const buffer = await this.#attach(head.mime);
    // Start where asked, not at the keyframe before it: the first frame shown is the instant asked for.
    this.video.currentTime = Math.max(0, (this.fromMs - startMs) / 1000);
    this.events.opened(startMs, head);
    await this.#append(buffer, concat(chunks));
    for (;;) {
      while (!this.isClosed() && this.#ahead(buffer) > BUFFER_AHEAD_SECONDS) await sleep(WAIT_MS);
      if (this.isClosed()) return;
      const { value, done } = await reader.read();
      if (this.isClosed()) return;
      if (done) {
        this.events.ended();
        return;
      }
      await this.#evict(buffer);
      await this.#append(buffer, value);
    }
  }

  async #attach(mime: string): Promise<SourceBufferLike> {
    const source = this.deps.media.createMediaSource();
    this.#source = source;
    const signal = this.#abort.signal;
    const opened = new Promise<void>((resolve, reject) => {
      const closed = (): void => {
        reject(new Error('closed'));
      };
      signal.addEventListener('abort', closed, { once: true });
      source.addEventListener(
        'sourceopen',
        () => {
          signal.removeEventListener('abort', closed);
          resolve();
        },
        { once: true },
      );
    });
    this.#url = this.deps.media.createObjectURL(source);
    this.video.src = this.#url;
    await opened;
    this.#buffer = source.addSourceBuffer(mime);
    return this.#buffer;
  }

  /** Seconds buffered ahead of the picture. */
  #ahead(buffer: SourceBufferLike): number {
    const { buffered } = buffer;
    return buffered.length === 0 ? 0 : buffered.end(buffered.length - 1) - this.video.currentTime;
  }

  async #evict(buffer: SourceBufferLike): Promise<void> {
    const { buffered } = buffer;
    const keepFrom = this.video.currentTime - KEEP_BEHIND_SECONDS;
    if (buffered.length === 0 || buffered.start(0) >= keepFrom - 5) return;
    buffer.remove(0, keepFrom);
    await settled(buffer);
  }

  async #append(buffer: SourceBufferLike, data: Uint8Array<ArrayBuffer>): Promise<void> {
    try {
      buffer.appendBuffer(data);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'QuotaExceededError') throw error;
      // Full: keep only the last few seconds behind the picture, then try once more.
      buffer.remove(0, Math.max(0, this.video.currentTime - 2));
      await settled(buffer);
      buffer.appendBuffer(data);
    }
    await settled(buffer);
  }

  /** Aborts the request and frees the MediaSource, its SourceBuffer and its object URL. */
  close(): void {
    if (this.isClosed()) return;
    this.#abort.abort();
    const source = this.#source;
    const buffer = this.#buffer;
    if (source && buffer && source.readyState === 'open') {
      try {
        if (buffer.updating) buffer.abort();
        source.removeSourceBuffer(buffer);
      } catch {
        // The source closed underneath: nothing left to free.
      }
    }
    if (this.#url !== undefined) {
      this.deps.media.revokeObjectURL(this.#url);
      if (this.video.src === this.#url) {
        this.video.removeAttribute('src');
        this.video.load();
      }
    }
    this.#source = undefined;
    this.#buffer = undefined;
    this.#url = undefined;
  }
}
