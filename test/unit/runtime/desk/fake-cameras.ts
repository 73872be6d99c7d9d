import type { CameraState, CameraView } from '../../../../common/camera';
import type { StationEvent } from '../../../../common/events';
import type { CameraHealthSource } from '../../../../main/runtime/desk/camera-counts';

type Camera = Pick<CameraView, 'camera_id' | 'name' | 'status'>;

/** A station as the tray and notifications see it: cameras whose state tests change, with the station's events. */
export class FakeCameras implements CameraHealthSource {
  readonly #cameras = new Map<string, Camera>();
  readonly #listeners = new Set<(event: StationEvent) => void>();

  /** Adds cameras named after their ids, in `status`. */
  constructor(ids: readonly string[] = [], status: CameraState = 'live') {
    for (const id of ids) this.#cameras.set(id, { camera_id: id, name: `Camera ${id}`, status });
  }

  listCameras(): Camera[] {
    return [...this.#cameras.values()];
  }

  onEvent(listener: (event: StationEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** How many listeners are subscribed. */
  listenerCount(): number {
    return this.#listeners.size;
  }

  /** Moves camera `id` to `state`, announcing `camera.state` as the station does. */
  set(id: string, state: CameraState, reason?: string): void {
    const camera = this.#cameras.get(id);
    if (!camera) throw new Error(`no camera ${id}`);
    this.#cameras.set(id, { ...camera, status: state });
    this.#publish({
      type: 'camera.state',
      camera_id: id,
      state,
      previous: camera.status,
      ...(reason === undefined ? {} : { reason }),
      at: new Date().toISOString(),
    });
  }

  /** Removes camera `id`, announcing `camera.removed`. */
  remove(id: string): void {
    this.#cameras.delete(id);
    this.#publish({ type: 'camera.removed', camera_id: id, at: new Date().toISOString() });
  }

  #publish(event: StationEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
