import type { GatewayEndpoints } from '../gateway/gateway';
import type { MountpointSummary, RtspMountpointOptions } from '../janus';

/** What the station hears from its Janus: usable, or not (with why). */
export type StationJanusEvents = { up: []; down: [reason: string] };

/**
 * What the station needs of Janus — whether it is usable, mountpoints, the session count —
 * and nothing more, so the station core runs on a fake in unit tests. The real one is JanusLink.
 */
export interface StationJanus {
  /** True while Janus is usable. */
  readonly isUp: boolean;
  /** Subscribes to `up` / `down`; returns the unsubscribe function. */
  on<K extends keyof StationJanusEvents>(
    event: K,
    listener: (...args: StationJanusEvents[K]) => void,
  ): () => void;
  /** Starts reaching Janus (and keeps trying while it is down); returns at once. */
  start(): void;
  /** Lets go of the current Janus (`down`) and reaches `endpoints` instead (`up` once it answers). */
  retarget(endpoints: GatewayEndpoints): Promise<void>;
  /** Janus is known to be back (its supervisor restarted it): reach it now rather than at the next retry. */
  retryNow(): void;
  /** Lets go of Janus for good; idempotent. */
  stop(): Promise<void>;
  /** Every mountpoint, the private ones too. */
  listMountpoints(): Promise<MountpointSummary[]>;
  /** Creates a mountpoint; Janus's refusal is a StreamingError (456: cannot create). */
  createMountpoint(request: RtspMountpointOptions): Promise<void>;
  /** Destroys a mountpoint; StreamingError 455 when Janus has no such mountpoint. */
  destroyMountpoint(mountpointId: number, secret: string | undefined): Promise<void>;
  /** How many viewers watch a mountpoint. */
  viewerCount(mountpointId: number, secret: string): Promise<number>;
  /** How many sessions Janus holds (the viewers' and the station's own). */
  sessionCount(): Promise<number>;
}
