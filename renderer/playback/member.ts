import { runInBackground } from '../../common/background';
import { Feed, type FeedDeps } from './feed';
import { rangesOf, type VideoLike } from './media';
import {
  initialMember,
  step,
  type MemberEffect,
  type MemberEvent,
  type MemberState,
  type MemberStatus,
} from './member-machine';
import { DEFAULT_FRAME_SECONDS } from './mp4';

/** What the clock says at a tick. */
export interface ClockReading {
  wallMs: number;
  running: boolean;
  rate: number;
}

/**
 * One camera's recording playing into one `<video>`, following a clock: the pure `member-machine.ts` decides,
 * this runs its effects — one `Feed` (fetch → MediaSource) per stream, seeks, rate, play and pause.
 */
export class PlaybackMember {
  #state: MemberState = initialMember;
  #feed: { session: number; feed: Feed } | undefined;
  #frameSeconds = DEFAULT_FRAME_SECONDS;

  constructor(
    readonly cameraId: string,
    private readonly video: VideoLike,
    private readonly deps: FeedDeps,
  ) {
    video.muted = true;
    video.playsInline = true;
  }

  /** The tile's status now. */
  status(): MemberStatus {
    return this.#state.status;
  }

  /** One frame's duration in seconds (from the stream, else 25 fps). */
  get frameSeconds(): number {
    return this.#frameSeconds;
  }

  /** Opens a stream from `wallMs` (closing the current one). */
  open(wallMs: number): void {
    this.#dispatch({ type: 'open', wallMs });
  }

  /** Follows the clock: called by the group every few frames. */
  tick(clock: ClockReading): void {
    const { video } = this;
    const reading = {
      currentTime: video.currentTime,
      paused: video.paused,
      buffered: rangesOf(video.buffered),
    };
    this.#dispatch({ type: 'tick', ...clock, video: reading });
  }

  /** Closes the stream and frees its MediaSource; final. */
  stop(): void {
    this.#dispatch({ type: 'stop' });
    this.video.pause();
  }

  #dispatch(event: MemberEvent): void {
    const { state, effects } = step(this.#state, event);
    this.#state = state;
    for (const effect of effects) this.#run(effect);
  }

  #run(effect: MemberEffect): void {
    const { video } = this;
    switch (effect.type) {
      case 'open':
        this.#open(effect.session, effect.fromMs);
        return;
      case 'close':
        if (this.#feed?.session === effect.session) {
          this.#feed.feed.close();
          this.#feed = undefined;
        }
        return;
      case 'seek':
        video.currentTime = effect.to;
        return;
      case 'rate':
        if (Math.abs(video.playbackRate - effect.rate) > 0.001) video.playbackRate = effect.rate;
        return;
      case 'play':
        // A play() interrupted by a pause or a new stream rejects; the next tick asks again.
        runInBackground(video.play(), () => undefined);
        return;
      case 'pause':
        video.pause();
        return;
    }
  }

  #open(session: number, fromMs: number): void {
    const feed = new Feed(this.cameraId, fromMs, this.video, this.deps, {
      opened: (startMs, head) => {
        this.#frameSeconds = head.frameSeconds;
        this.#dispatch({ type: 'opened', session, startMs });
      },
      ended: () => {
        this.#dispatch({ type: 'ended', session });
      },
      failed: (reason) => {
        this.#dispatch({ type: 'failed', session, reason });
      },
    });
    this.#feed = { session, feed };
    runInBackground(feed.run(), () => undefined);
  }
}
