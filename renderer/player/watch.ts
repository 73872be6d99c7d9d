import { runInBackground } from '../../common/background';
import type { StreamInfo } from '../../common/camera';

import { describe } from './describe';
import type {
  AnswerTrack,
  JanusHandleLike,
  JanusJsep,
  RemoteTrack,
  StatsSource,
  StreamingMessage,
  StreamingRequest,
} from './janus-like';
import type { Clock } from './model';
import type { SessionLease, SessionPool } from './sessions';

/** What a watch reports to its tile. */
export interface WatchEvents {
  /** The remote tracks changed (a track was added or ended). */
  tracks(tracks: readonly RemoteTrack[]): void;
  /** The watch is over and has released everything; called at most once, never after `close()`. */
  failed(reason: string): void;
}

/** What a watch needs besides its events. */
export interface WatchDeps {
  cameraId: string;
  streamInfo(cameraId: string): Promise<StreamInfo>;
  pool: SessionPool;
  clock: Clock;
  iceDisconnectedMs: number;
}

/** Receive-only tracks for the answer: video, and audio when the offer has it. */
export function answerTracks(offerSdp: string | undefined): AnswerTrack[] {
  const tracks: AnswerTrack[] = [{ type: 'video', capture: false, recv: true }];
  if (offerSdp?.includes('m=audio') === true) tracks.push({ type: 'audio', capture: false, recv: true });
  return tracks;
}

/**
 * One attempt at playing a camera through the station's Janus door: a fresh streamInfo (its viewer ticket), a
 * streaming-plugin handle on the shared session carrying that ticket, `watch` (the door adds the pin) → answer →
 * `start`. Any failure closes it (hang up, detach, release the session) before reporting, so a tile never holds
 * more than one handle.
 */
export class Watch {
  readonly #deps: WatchDeps;
  readonly #events: WatchEvents;
  readonly #tracks = new Map<string, RemoteTrack>();
  #lease: SessionLease | undefined;
  #handle: JanusHandleLike | undefined;
  #closed = false;
  #cancelIceTimer: (() => void) | undefined;
  #detached: Promise<void> = Promise.resolve();

  constructor(deps: WatchDeps, events: WatchEvents) {
    this.#deps = deps;
    this.#events = events;
  }

  /** Starts the attempt; the outcome arrives through the events. */
  start(): void {
    this.#run().catch((error: unknown) => {
      this.#fail(describe(error));
    });
  }

  /** The PeerConnection's stats, once there is one. */
  statsSource(): StatsSource | undefined {
    return this.#handle?.webrtcStuff?.pc ?? undefined;
  }

  /** Pauses the media (streaming plugin `pause`); the handle stays. */
  pause(): void {
    this.#request({ request: 'pause' });
  }

  /** Resumes paused media (streaming plugin `start` without a new answer). */
  resume(): void {
    this.#request({ request: 'start' });
  }

  /** Hangs up, detaches and releases the session; idempotent. Resolves once janus.js has detached. */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#cancelIceTimer?.();
      const handle = this.#handle;
      const lease = this.#lease;
      this.#handle = undefined;
      this.#lease = undefined;
      if (handle) this.#detached = release(handle, lease?.alive === true);
      lease?.release();
    }
    return this.#detached;
  }

  async #run(): Promise<void> {
    const { cameraId, pool } = this.#deps;
    const info = await this.#deps.streamInfo(cameraId).catch((error: unknown) => {
      throw new Error(`stream info: ${describe(error)}`);
    });
    if (this.#closed) return;
    const lease = await pool.acquire(info, {
      lost: (reason) => {
        this.#fail(`Janus session lost: ${reason}`);
      },
    });
    // (a method call: TypeScript would keep `this.#closed` narrowed across the awaits)
    if (this.#isClosed()) {
      lease.release();
      return;
    }
    this.#lease = lease;
    this.#attach(lease, info);
  }

  #attach(lease: SessionLease, info: StreamInfo): void {
    lease.session.attach({
      plugin: 'janus.plugin.streaming',
      opaqueId: `vigil-${this.#deps.cameraId}`,
      // The camera's own ticket: this handle may watch this camera (the session may be another tile's).
      token: info.ticket,
      success: (handle) => {
        if (this.#closed) {
          runInBackground(release(handle, lease.alive), () => undefined);
          return;
        }
        this.#handle = handle;
        this.#request({ request: 'watch', id: info.stream_id });
      },
      error: (cause) => {
        this.#fail(`attach: ${describe(cause)}`);
      },
      onmessage: (message, jsep) => {
        this.#onMessage(message, jsep);
      },
      onremotetrack: (track, mid, on, metadata) => {
        this.#onTrack(track, mid, on, metadata?.reason);
      },
      webrtcState: (up, reason) => {
        if (!up) this.#fail(`PeerConnection down${reason ? `: ${reason}` : ''}`);
      },
      iceState: (state) => {
        this.#onIce(state);
      },
      ondetached: () => {
        this.#fail('Janus detached the handle');
      },
    });
  }

  #onMessage(message: StreamingMessage, jsep: JanusJsep | undefined): void {
    const handle = this.#handle;
    if (this.#closed || !handle) return;
    if (message.error_code !== undefined || message.error !== undefined) {
      this.#fail(
        `streaming error ${message.error_code ?? ''} ${message.error ?? ''}`.replace(/\s+/g, ' ').trim(),
      );
      return;
    }
    if (message.result?.status === 'stopped') {
      this.#fail('the stream stopped');
      return;
    }
    if (jsep?.type !== 'offer') return;
    handle.createAnswer({
      jsep,
      tracks: answerTracks(jsep.sdp),
      success: (answer) => {
        if (!this.#closed) this.#request({ request: 'start' }, answer);
      },
      error: (cause) => {
        this.#fail(`answer: ${describe(cause)}`);
      },
    });
  }

  #onTrack(track: RemoteTrack, mid: string, on: boolean, reason: string | undefined): void {
    if (this.#closed) return;
    // 'mute'/'unmute' only mean media paused for a while: the track stays in the stream.
    if (reason === 'mute' || reason === 'unmute') return;
    if (on) this.#tracks.set(mid, track);
    else if (!this.#tracks.delete(mid)) return;
    this.#events.tracks([...this.#tracks.values()]);
  }

  #onIce(state: string): void {
    if (this.#closed) return;
    if (state === 'failed') {
      this.#fail('ICE failed');
    } else if (state === 'disconnected') {
      this.#cancelIceTimer ??= this.#deps.clock.setTimeout(() => {
        this.#fail(`ICE disconnected for ${this.#deps.iceDisconnectedMs} ms`);
      }, this.#deps.iceDisconnectedMs);
    } else if (state === 'connected' || state === 'completed') {
      this.#cancelIceTimer?.();
      this.#cancelIceTimer = undefined;
    }
  }

  #request(message: StreamingRequest, jsep?: JanusJsep): void {
    this.#handle?.send({
      message,
      ...(jsep ? { jsep } : {}),
      error: (cause) => {
        this.#fail(`${message.request}: ${describe(cause)}`);
      },
    });
  }

  #isClosed(): boolean {
    return this.#closed;
  }

  #fail(reason: string): void {
    if (this.#closed) return;
    runInBackground(this.close(), () => undefined);
    this.#events.failed(reason);
  }
}

/** Hangs up and detaches a handle; on a lost session only locally (Janus no longer knows it). */
function release(handle: JanusHandleLike, sessionAlive: boolean): Promise<void> {
  handle.hangup(sessionAlive);
  return new Promise<void>((resolve) => {
    handle.detach({
      noRequest: !sessionAlive,
      success: resolve,
      error: () => {
        resolve();
      },
    });
  });
}
