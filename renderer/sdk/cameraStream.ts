import type { TileState, TileStatus } from '../player/types';
import type { VASJanusClient } from './client';
import { VASError } from './errors';

/** What `useCameraStream` shows: whether this camera is playing, the player's state, the last failure. */
export interface CameraStreamSnapshot {
  /** True from a successful start until stop, unless the player gave up (`state` is `error`). */
  streaming: boolean;
  /** The player tile's state; `idle` before the first start, `stopped` after a stop. */
  state: TileState;
  /** Why the last start failed or the player gave up; undefined otherwise. */
  error: Error | undefined;
}

/** The client methods a camera stream needs. */
export type CameraStreamClient = Pick<VASJanusClient, 'startCameraStream' | 'stopCameraStream'>;

const IDLE: CameraStreamSnapshot = { streaming: false, state: 'idle', error: undefined };

/**
 * One camera's start/stop for one consumer, as a tiny external store (`subscribe`/`getSnapshot`, the shape
 * React's `useSyncExternalStore` takes). A stop, or a newer start, makes everything an older start reports
 * afterwards irrelevant. `start` and `stop` never reject: failures land in the snapshot's `error`.
 */
export class CameraStreamController {
  private snapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private active = false;

  constructor(
    private readonly client: CameraStreamClient,
    readonly cameraId: string,
  ) {}

  /** Registers a change listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (the same object until something changes). */
  readonly getSnapshot = (): CameraStreamSnapshot => this.snapshot;

  /** Plays the camera into `video` (replacing this controller's earlier stream). */
  async start(video: HTMLVideoElement | null): Promise<void> {
    const generation = ++this.generation;
    if (!video) {
      this.set({
        streaming: false,
        state: 'error',
        error: new VASError(
          'VIGIL_ERR_VALIDATION',
          'videoRef is not attached to a <video> element',
          'videoRef',
        ),
      });
      return;
    }
    this.active = true;
    this.set({ streaming: false, state: 'connecting', error: undefined });
    const onStatus = (status: TileStatus): void => {
      if (generation === this.generation) this.applyStatus(status);
    };
    try {
      // Muted: browsers autoplay only muted video, and the station's cameras send video only.
      const tile = await this.client.startCameraStream(this.cameraId, video, { muted: true, onStatus });
      if (generation === this.generation) this.applyStatus(tile.status());
    } catch (error) {
      if (generation !== this.generation) return;
      this.active = false;
      this.set({ streaming: false, state: 'error', error: asError(error) });
    }
  }

  /** Stops the camera's stream; does nothing when nothing was started. */
  async stop(): Promise<void> {
    this.generation++;
    if (!this.active) return;
    this.active = false;
    this.set({ streaming: false, state: 'stopped', error: undefined });
    try {
      await this.client.stopCameraStream(this.cameraId);
    } catch (error) {
      this.set({ ...this.snapshot, error: asError(error) });
    }
  }

  private applyStatus(status: TileStatus): void {
    const failed = status.state === 'error';
    this.set({
      streaming: status.state !== 'stopped' && !failed,
      state: status.state,
      error: failed
        ? new VASError('VIGIL_ERR_PLAYBACK', status.reason ?? `The stream of ${this.cameraId} failed`)
        : undefined,
    });
  }

  private set(next: CameraStreamSnapshot): void {
    const now = this.snapshot;
    if (now.streaming === next.streaming && now.state === next.state && now.error === next.error) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
