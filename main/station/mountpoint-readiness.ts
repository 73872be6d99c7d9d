import { TypedEmitter } from '../janus/emitter';

/**
 * Which cameras' mountpoints exist on the Janus the station runs on right now: a camera is ready once a reconcile
 * of it succeeded (its mountpoint was created, or was already there), and no longer when Janus goes down or the
 * camera leaves. The door holds a viewer's `watch` until its camera is ready, so players re-watch the moment a
 * restarted Janus has the mountpoint back instead of waiting for their backoff.
 */
export class MountpointReadiness extends TypedEmitter<{ ready: [cameraId: string] }> {
  readonly #ready = new Set<string>();

  /** Whether the camera's mountpoint exists on the current Janus. */
  isReady(cameraId: string): boolean {
    return this.#ready.has(cameraId);
  }

  /** The camera's mountpoint exists now; announces it when it did not before. */
  markReady(cameraId: string): void {
    if (this.#ready.has(cameraId)) return;
    this.#ready.add(cameraId);
    this.emit('ready', cameraId);
  }

  /** The camera's mountpoint is gone (the camera was removed or disabled). */
  markGone(cameraId: string): void {
    this.#ready.delete(cameraId);
  }

  /** Janus went down (or the station moved to another one): no mountpoint is known to exist. */
  clear(): void {
    this.#ready.clear();
  }
}
