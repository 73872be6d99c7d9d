import { ErrorCode, VigilError } from '../../common/errors';
import { PlaybackGroup, type GroupDeps } from './group';
import type { PlaybackStream, VideoLike } from './media';
import type { MemberStatus } from './member-machine';

/** The speeds playback offers. */
export type PlaybackRate = 1 | 2 | 4 | 8;

/** One camera's recording playing into one `<video>`, with the controls of a desk's replay. */
export interface PlaybackHandle {
  readonly cameraId: string;
  /** The wall-clock instant (ms since the epoch) the video shows now. */
  position(): number;
  /** Opening, buffering, playing, paused, gap (nothing recorded here), ended, error or stopped, and why. */
  status(): MemberStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: MemberStatus) => void): () => void;
  play(): void;
  pause(): void;
  setRate(rate: PlaybackRate): void;
  /** Pauses and shows the next (1) or previous (-1) frame. */
  stepFrame(direction: 1 | -1): void;
  /** Jumps to a wall-clock instant (ms since the epoch, a Date or an ISO string). */
  seek(at: number | Date | string): void;
  /** Closes the stream, frees the MediaSource and clears the video; idempotent. */
  stop(): Promise<void>;
}

const KEY = 'video';

/** Milliseconds since the epoch of an instant given as ms, a Date or an ISO string; a VigilError naming `field` if unreadable. */
export function instantMs(at: number | Date | string, field: string): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) {
    throw new VigilError(
      ErrorCode.Validation,
      `${field} must be an instant (ms, a Date or an ISO 8601 string)`,
      field,
    );
  }
  return ms;
}

/**
 * Plays `cameraId`'s recording from `fromMs` into `video`. Resolves once the station answered with the stream
 * (so a refusal — unknown camera, nothing recorded, bad key — rejects here with its VigilError).
 */
export async function startPlaybackInto(
  cameraId: string,
  video: VideoLike,
  fromMs: number,
  deps: GroupDeps,
): Promise<PlaybackHandle> {
  let first: Promise<PlaybackStream> | undefined;
  const group = new PlaybackGroup(fromMs, {
    ...deps,
    source: (id, from, signal) => {
      const answer = deps.source(id, from, signal);
      first ??= answer;
      return answer;
    },
  });
  group.add(KEY, cameraId, video);
  try {
    await first;
  } catch (error) {
    group.destroy();
    throw error;
  }
  const status = (): MemberStatus => group.snapshot().members.get(KEY) ?? { phase: 'stopped' };
  const listeners = new Set<(status: MemberStatus) => void>();
  let stopped = false;
  return {
    cameraId,
    position: () => status().shownMs ?? group.now(),
    status: () => (stopped ? { phase: 'stopped' } : status()),
    onStatus: (listener) => {
      let last = status();
      listeners.add(listener);
      const unsubscribe = group.subscribe(() => {
        const now = status();
        if (now.phase !== last.phase || now.reason !== last.reason) listener(now);
        last = now;
      });
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    },
    play: () => {
      group.play();
    },
    pause: () => {
      group.pause();
    },
    setRate: (rate) => {
      group.setRate(rate);
    },
    stepFrame: (direction) => {
      group.stepFrame(direction);
    },
    seek: (at) => {
      group.seek(instantMs(at, 'at'));
    },
    stop: () => {
      if (stopped) return Promise.resolve();
      stopped = true;
      group.destroy();
      for (const listener of [...listeners]) listener({ phase: 'stopped' });
      listeners.clear();
      return Promise.resolve();
    },
  };
}
