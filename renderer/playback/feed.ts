// One tile's recording into one <video>: the station's fragmented MP4 appended to one MediaSource's
// SourceBuffer, fetched in pulls. A browser opens at most six HTTP/1.1 connections to the station, shared with
// the wall's own API calls and its event stream: a pull therefore holds its connection only while data flows —
// it ends once BUFFER_AHEAD_SECONDS are buffered ahead of the picture, or when the station has nothing more
// yet (the live edge) — and the next pull asks from the instant the buffer ends, its media placed on the first
// pull's timeline with `timestampOffset`. Media more than KEEP_BEHIND_SECONDS behind the picture is dropped.
// `close()` aborts the request and frees the MediaSource, its SourceBuffer and its object URL.
import { errorText } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import type { MediaEnv, MediaSourceLike, PlaybackSource, SourceBufferLike, VideoLike } from './media';
import { readHead, type StreamHead } from './mp4';

/** Buffered this far ahead of the picture, a pull ends. */
export const BUFFER_AHEAD_SECONDS = 20;
/** The next pull starts once less than this is buffered ahead. */
export const LOW_WATER_SECONDS = 10;
/** Media further behind the picture than this is removed from the buffer. */
export const KEEP_BEHIND_SECONDS = 30;
/** Bytes read looking for the init segment and first fragment before giving up on the stream. */
const HEAD_LIMIT = 8 * 1024 * 1024;
const WAIT_MS = 200;
/** How long the first pull waits for the stream's first bytes. */
const FIRST_BYTES_MS = 10_000;
/** A buffer ending this close to now is at the live edge: more will come. */
const LIVE_EDGE_MS = 60_000;
/** Failed pulls in a row (after the first succeeded) before the feed gives up. */
const MAX_RETRIES = 3;

/** How long a pull waits for bytes before it lets go of its connection, and how long before the next. */
export interface FeedTiming {
  idleMs: number;
  repullMs: number;
}

/** At the live edge a new segment lands every few seconds: wait for it without holding a connection. */
export const DEFAULT_TIMING: FeedTiming = { idleMs: 800, repullMs: 1500 };

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
  timing?: FeedTiming;
}

/** How a pull ended. */
type PullEnd = 'ahead' | 'idle';

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

type Read = ReadableStreamReadResult<Uint8Array<ArrayBuffer>> | 'idle';

/** One tile's playback feeding one video; start with `run()`, end with `close()` (idempotent). */
export class Feed {
  readonly #abort = new AbortController();
  readonly #timing: FeedTiming;
  #pull: AbortController | undefined;
  #source: MediaSourceLike | undefined;
  #buffer: SourceBufferLike | undefined;
  #url: string | undefined;
  /** The first pull's media time 0 (wall-clock ms): every pull's media is placed on its timeline. */
  #startMs: number | undefined;

  constructor(
    private readonly cameraId: string,
    private readonly fromMs: number,
    private readonly video: VideoLike,
    private readonly deps: FeedDeps,
    private readonly events: FeedEvents,
  ) {
    this.#timing = deps.timing ?? DEFAULT_TIMING;
  }

  /** Whether `close()` was called. */
  isClosed(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Pulls and appends until the recording ends, a pull fails for good or the feed is closed; never rejects. */
  async run(): Promise<void> {
    try {
      let from = this.fromMs;
      let failures = 0;
      while (!this.isClosed()) {
        let end: PullEnd;
        try {
          end = await this.#pullFrom(from);
          failures = 0;
        } catch (error) {
          // The first pull's refusal is the answer; later, nothing recorded after the buffer is the end.
          if (this.#startMs === undefined || this.isClosed()) throw error;
          if (error instanceof VigilError && error.code === ErrorCode.RecordingNotFound) {
            // Near the live edge the segment being written is not served yet: ask again. Long before it, the
            // recording stopped there.
            if ((this.#bufferedEndMs() ?? from) < Date.now() - LIVE_EDGE_MS) {
              this.events.ended();
              return;
            }
          } else if (++failures > MAX_RETRIES) throw error;
          end = 'idle';
        }
        if (end === 'idle') await sleep(this.#timing.repullMs);
        while (!this.isClosed() && this.#ahead() > LOW_WATER_SECONDS) await sleep(WAIT_MS);
        from = this.#bufferedEndMs() ?? from;
      }
    } catch (error) {
      if (!this.isClosed()) this.events.failed(errorText(error));
    }
  }

  /** One request from `fromMs`: appends what comes until enough is buffered or nothing more comes for a while. */
  async #pullFrom(fromMs: number): Promise<PullEnd> {
    const pull = new AbortController();
    this.#pull = pull;
    const stop = (): void => {
      pull.abort();
    };
    this.#abort.signal.addEventListener('abort', stop, { once: true });
    try {
      const stream = await this.deps.source(this.cameraId, fromMs, pull.signal);
      const reader = stream.body.getReader();
      try {
        return await this.#pump(reader, stream.startMs, fromMs);
      } finally {
        pull.abort();
        reader.cancel().catch(() => undefined);
      }
    } finally {
      this.#abort.signal.removeEventListener('abort', stop);
    }
  }

  /** The next chunk, or 'idle' when none comes within `idleMs` (a read left pending fails on abort). */
  #read(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>, idleMs: number): Promise<Read> {
    const read = reader.read();
    read.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<'idle'>((resolve) => {
      timer = setTimeout(() => {
        resolve('idle');
      }, idleMs);
    });
    return Promise.race([read, idle]).finally(() => {
      clearTimeout(timer);
    });
  }

  async #pump(
    reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>,
    startMs: number,
    fromMs: number,
  ): Promise<PullEnd> {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let head: StreamHead | undefined;
    let size = 0;
    // The first picture may take a while to come from disk; later pulls resend what the buffer has.
    const headIdleMs =
      this.#startMs === undefined ? Math.max(FIRST_BYTES_MS, this.#timing.idleMs) : this.#timing.idleMs;
    while (!head) {
      const read = await this.#read(reader, headIdleMs);
      if (read === 'idle' || read.done) {
        if (this.#startMs !== undefined) return 'idle';
        throw new Error('the stream ended before its first picture');
      }
      if (this.isClosed()) return 'idle';
      chunks.push(read.value);
      size += read.value.length;
      if (size > HEAD_LIMIT) throw new Error('the stream does not start with a playable MP4 header');
      head = readHead(concat(chunks));
    }
    const buffer = await this.#place(head, startMs, fromMs);
    await this.#append(buffer, concat(chunks));
    for (;;) {
      if (this.isClosed()) return 'idle';
      if (this.#ahead() > BUFFER_AHEAD_SECONDS) return 'ahead';
      const read = await this.#read(reader, this.#timing.idleMs);
      if (this.isClosed() || read === 'idle' || read.done) return 'idle';
      await this.#evict(buffer);
      await this.#append(buffer, read.value);
    }
  }

  /** The SourceBuffer, ready for a pull whose media time 0 is `startMs`: made on the first pull, re-aimed later. */
  async #place(head: StreamHead, startMs: number, fromMs: number): Promise<SourceBufferLike> {
    if (this.#buffer === undefined || this.#startMs === undefined) {
      const buffer = await this.#attach(head.mime);
      this.#startMs = startMs;
      // Start where asked, not at the keyframe before it: the first frame shown is the instant asked for.
      this.video.currentTime = Math.max(0, (fromMs - startMs) / 1000);
      this.events.opened(startMs, head);
      return buffer;
    }
    const buffer = this.#buffer;
    // A pull cut off mid-fragment leaves the parser inside it: start clean, then place this pull's media.
    if (buffer.updating) await settled(buffer);
    buffer.abort();
    buffer.timestampOffset = (startMs - this.#startMs) / 1000;
    return buffer;
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
  #ahead(): number {
    const buffered = this.#buffer?.buffered;
    if (!buffered || buffered.length === 0) return 0;
    return buffered.end(buffered.length - 1) - this.video.currentTime;
  }

  /** The wall-clock instant where the buffer ends, if anything is buffered. */
  #bufferedEndMs(): number | undefined {
    const buffered = this.#buffer?.buffered;
    if (!buffered || buffered.length === 0 || this.#startMs === undefined) return undefined;
    return this.#startMs + buffered.end(buffered.length - 1) * 1000;
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
    this.#pull?.abort();
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
