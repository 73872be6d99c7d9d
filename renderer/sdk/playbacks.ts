import { ErrorCode } from '../../common/errors';
import {
  instantMs,
  startPlaybackInto,
  type MediaEnv,
  type PlaybackHandle,
  type PlaybackSource,
} from '../playback';
import type { MemberStatus } from '../playback';
import { VASError } from './errors';

/** Options of `startPlayback`. */
export interface StartPlaybackOptions {
  /** Where playback starts: ms since the epoch, a Date or an ISO 8601 string (the first frame shown is this instant). */
  from: number | Date | string;
  /** Called with each status change: opening, buffering, playing, paused, gap, ended, error, stopped. */
  onStatus?: (status: MemberStatus) => void;
}

interface Active {
  handle: PlaybackHandle;
  video: HTMLVideoElement;
  unsubscribe: () => void;
}

/**
 * A client's recorded playbacks, one per camera, with the live streams' stop rules: a new start replaces the
 * camera's earlier playback, a stop during a start makes that start reject with `VIGIL_ERR_CANCELLED`.
 */
export class Playbacks {
  private readonly active = new Map<string, Active>();
  private readonly starting = new Map<string, number>();
  private tickets = 0;

  constructor(
    private readonly source: PlaybackSource,
    private readonly media: () => MediaEnv,
  ) {}

  async start(
    cameraId: string,
    video: HTMLVideoElement,
    options: StartPlaybackOptions,
  ): Promise<PlaybackHandle> {
    const fromMs = instantMs(options.from, 'from');
    const ticket = ++this.tickets;
    this.starting.set(cameraId, ticket);
    let handle: PlaybackHandle | undefined;
    try {
      await this.release(cameraId);
      if (this.starting.get(cameraId) === ticket) {
        handle = await startPlaybackInto(cameraId, video, fromMs, {
          source: this.source,
          media: this.media(),
        });
      }
    } finally {
      if (this.starting.get(cameraId) === ticket) this.starting.delete(cameraId);
      else {
        await handle?.stop();
        handle = undefined;
      }
    }
    if (!handle) {
      throw new VASError(ErrorCode.Cancelled, `The playback of ${cameraId} was stopped before it started`);
    }
    const { onStatus } = options;
    const unsubscribe = onStatus ? handle.onStatus(onStatus) : () => undefined;
    this.active.set(cameraId, { handle, video, unsubscribe });
    return handle;
  }

  /** Stops the camera's playback (and any start still under way); a no-op when there is none. */
  async stop(cameraId: string): Promise<void> {
    this.starting.delete(cameraId);
    await this.release(cameraId);
  }

  /** Stops the playback that plays into `video`, if any (a live stream is about to take the element). */
  async stopInto(video: HTMLVideoElement): Promise<void> {
    const entry = [...this.active].find(([, active]) => active.video === video);
    if (entry) await this.stop(entry[0]);
  }

  /** The cameras playing recordings now. */
  cameras(): string[] {
    return [...this.active.keys()];
  }

  /** Stops every playback. */
  async stopAll(): Promise<void> {
    this.starting.clear();
    await Promise.all([...this.active.keys()].map((cameraId) => this.release(cameraId)));
  }

  private async release(cameraId: string): Promise<void> {
    const active = this.active.get(cameraId);
    if (!active) return;
    this.active.delete(cameraId);
    await active.handle.stop();
    active.unsubscribe();
  }
}
