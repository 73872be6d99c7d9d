import { expect, vi } from 'vitest';

import type { StreamInfo } from '../../../common/camera';
import type {
  AnswerTrack,
  JanusAttachOptions,
  JanusJsep,
  JanusLike,
  JanusSessionLike,
  JanusSessionOptions,
  RemoteTrack,
  StatsEntry,
  StreamingRequest,
} from '../../../renderer/player/janus-like';
import type { Clock, TileSurface } from '../../../renderer/player/model';

/** Lets every pending promise and queued microtask run (a macrotask turn): the fake clock's step. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A manual clock: timers run only when the test advances time, letting promises settle after each. */
export class FakeClock implements Clock {
  #now = Date.parse('2030-01-01T00:00:00Z');
  #timers = new Map<number, { at: number; fn: () => void }>();
  #nextId = 1;

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + ms, fn });
    return () => this.#timers.delete(id);
  }

  /** The delays (from now) of the pending timers, soonest first. */
  pending(): number[] {
    return [...this.#timers.values()].map((timer) => timer.at - this.#now).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, running due timers in order and settling promises after each. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await settle();
    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
      if (!due) break;
      const [id, timer] = due;
      this.#timers.delete(id);
      this.#now = Math.max(this.#now, timer.at);
      timer.fn();
      await settle();
    }
    this.#now = end;
    await settle();
  }
}

const OFFER_SDP = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';

/** A streaming-plugin handle: records requests, answers offers, and lets the test drive its callbacks. */
export class FakeHandle {
  readonly session: FakeSession;
  readonly callbacks: JanusAttachOptions;
  readonly requests: StreamingRequest[] = [];
  readonly answers: { offer: JanusJsep; tracks: AnswerTrack[] }[] = [];
  hungUp: boolean | undefined;
  detached: { noRequest: boolean } | undefined;
  /** What the inbound-rtp video entry reports; `framesDecoded` is what stale detection reads. */
  inbound: Record<string, number> = { framesDecoded: 0, bytesReceived: 0, timestamp: 0 };
  /** While true (from `connect()` on), every getStats call decodes 25 more frames. */
  flowing = false;
  webrtcStuff: { pc: { getStats(): Promise<{ forEach(cb: (entry: StatsEntry) => void): void }> } | null } = {
    pc: {
      getStats: () => {
        if (this.flowing)
          this.inbound = { ...this.inbound, framesDecoded: (this.inbound['framesDecoded'] ?? 0) + 25 };
        const entries: StatsEntry[] = [{ type: 'inbound-rtp', kind: 'video', ...this.inbound }];
        return Promise.resolve({
          forEach: (cb: (entry: StatsEntry) => void) => {
            entries.forEach(cb);
          },
        });
      },
    },
  };

  constructor(session: FakeSession, callbacks: JanusAttachOptions) {
    this.session = session;
    this.callbacks = callbacks;
  }

  get live(): boolean {
    return this.detached === undefined;
  }

  send(params: { message: StreamingRequest; jsep?: JanusJsep }): void {
    this.requests.push(params.jsep ? { ...params.message, jsep: params.jsep } : params.message);
    const janus = this.session.janus;
    if (params.message.request === 'watch' && janus.offers) {
      queueMicrotask(() => {
        this.callbacks.onmessage(
          { streaming: 'event', result: { status: 'preparing' } },
          { type: 'offer', sdp: OFFER_SDP },
        );
      });
    }
  }

  createAnswer(params: {
    jsep: JanusJsep;
    tracks: AnswerTrack[];
    success(jsep: JanusJsep): void;
    error(cause: unknown): void;
  }): void {
    this.answers.push({ offer: params.jsep, tracks: params.tracks });
    queueMicrotask(() => {
      params.success({ type: 'answer', sdp: 'answer-sdp' });
    });
  }

  hangup(sendRequest?: boolean): void {
    this.hungUp = sendRequest === true;
    this.webrtcStuff.pc = null;
  }

  detach(params?: { noRequest?: boolean; success?: () => void }): void {
    this.detached = { noRequest: params?.noRequest === true };
    params?.success?.();
  }

  /** Delivers a remote video track and `webrtcup`, as Janus does once media flows. */
  connect(
    track: RemoteTrack = { id: `track-${this.session.janus.handles.indexOf(this)}`, kind: 'video' },
  ): void {
    this.callbacks.onremotetrack(track, '0', true, { reason: 'created' });
    this.callbacks.webrtcState(true);
    this.flowing = true;
  }
}

/** One `new Janus(...)`. */
export class FakeSession implements JanusSessionLike {
  readonly janus: FakeJanus;
  readonly options: JanusSessionOptions;
  destroyed = false;

  constructor(janus: FakeJanus, options: JanusSessionOptions) {
    this.janus = janus;
    this.options = options;
    queueMicrotask(() => {
      if (janus.refuseSessions)
        options.error('Error connecting to the Janus WebSockets server: Is the server down?');
      else options.success();
    });
  }

  attach(options: JanusAttachOptions): void {
    queueMicrotask(() => {
      const handle = new FakeHandle(this, options);
      this.janus.handles.push(handle);
      options.success(handle);
    });
  }

  destroy(options: { cleanupHandles?: boolean; success?: () => void }): void {
    this.destroyed = true;
    if (options.cleanupHandles === true) {
      for (const handle of this.janus.handles)
        if (handle.session === this && handle.live) handle.detach({ noRequest: true });
    }
    options.success?.();
  }

  /** The connection dropped (Janus restarted): janus.js calls the session's `error`. */
  lose(): void {
    this.options.error('Lost connection to the server (is it down?)');
  }
}

/** A fake janus.js: `Janus` is the constructor the player gets; the arrays record what it made. */
export class FakeJanus {
  readonly sessions: FakeSession[] = [];
  readonly handles: FakeHandle[] = [];
  /** Whether handles answer `watch` with an offer. */
  offers = true;
  refuseSessions = false;
  readonly Janus: JanusLike;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the constructor below records into this fake
    const janus = this;
    this.Janus = class extends FakeSession {
      constructor(options: JanusSessionOptions) {
        super(janus, options);
        janus.sessions.push(this);
      }
    };
  }

  /** Waits until `count` live handles have answered their offer (sent `start`): that many tiles are watching. */
  async watching(count = 1): Promise<void> {
    await vi.waitFor(
      () => {
        const answered = this.liveHandles().filter((handle) =>
          handle.requests.some((request) => request.request === 'start'),
        );
        expect(answered.length).toBeGreaterThanOrEqual(count);
      },
      { interval: 1 },
    );
  }

  /** Handles not detached yet (each one a PeerConnection in janus.js). */
  liveHandles(): FakeHandle[] {
    return this.handles.filter((handle) => handle.live);
  }

  lastHandle(): FakeHandle {
    const handle = this.handles.at(-1);
    if (!handle) throw new Error('no handle attached yet');
    return handle;
  }

  lastSession(): FakeSession {
    const session = this.sessions.at(-1);
    if (!session) throw new Error('no session created yet');
    return session;
  }
}

/** A `<video>` stand-in. */
export class FakeSurface implements TileSurface {
  shown: (readonly RemoteTrack[])[] = [];
  muted: boolean | undefined;
  released = false;
  readonly #listeners = new Set<() => void>();

  show(tracks: readonly RemoteTrack[]): void {
    this.shown.push(tracks);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
  }

  onFrame(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  release(): void {
    this.released = true;
  }

  /** The video element decoded a frame (`loadeddata`). */
  frame(): void {
    for (const listener of this.#listeners) listener();
  }

  listenerCount(): number {
    return this.#listeners.size;
  }
}

/** A station handing out stream info through its door, counting calls; each answer has a fresh ticket. */
export function fakeStation(options: { iceServers?: StreamInfo['ice_servers'] } = {}) {
  let issued = 0;
  const calls: string[] = [];
  const streamInfo = (cameraId: string): Promise<StreamInfo> => {
    calls.push(cameraId);
    const ticket = `ticket-${++issued}`;
    return Promise.resolve({
      camera_id: cameraId,
      stream_id: 1000 + cameraId.length,
      janus_url: `ws://127.0.0.1:3000/janus?ticket=${ticket}`,
      websocket_url: 'ws://127.0.0.1:3000/janus',
      plugin: 'janus.plugin.streaming',
      ice_servers: options.iceServers ?? [],
      ticket,
      ticket_expires_at: '2030-01-01T00:01:00.000Z',
      stream_info: { id: 1000 + cameraId.length, type: 'rtsp', description: cameraId },
    });
  };
  return { streamInfo, calls };
}
