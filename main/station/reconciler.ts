import type { Logger } from 'pino';

import type { CameraStore } from '../store/camera-store';
import type { StoredCamera } from '../store/stored-camera';
import { StreamingError, type MountpointSummary } from '../janus';
import type { JanusLink } from './janus-link';
import { KeyedLock } from './keyed-lock';
import { mountpointRequest } from './mountpoints';
import {
  parseMountpointMetadata,
  planReconcile,
  type ActualMountpoint,
  type DesiredMountpoint,
  type ReconcileStep,
} from './reconcile-plan';

/** What the reconciler needs from the station. */
export interface ReconcilerDeps {
  stationId: string;
  store: CameraStore;
  link: JanusLink;
  logger: Logger;
  /** A camera's mountpoint was (re)created. */
  onCreated(cameraId: string): void;
  /** A camera's mountpoint could not be created; `reason` is for the user. */
  onFailed(cameraId: string, reason: string): void;
}

const NO_SUCH_MOUNTPOINT = 455;
const CANT_CREATE = 456;

/**
 * Makes Janus's mountpoints equal to the store, one camera at a time per camera (a per-camera lock) and
 * idempotently: run it at start, when Janus comes back, on a timer and after every change.
 */
export class Reconciler {
  readonly #deps: ReconcilerDeps;
  readonly #lock = new KeyedLock();
  /** Secrets of this station's mountpoints whose camera is gone but which Janus may still hold. */
  readonly #tombstones = new Map<number, string>();

  constructor(deps: ReconcilerDeps) {
    this.#deps = deps;
  }

  /** Brings every camera's mountpoint in line (no-op while Janus is down). */
  async reconcileAll(): Promise<void> {
    if (!this.#deps.link.isUp) return;
    const cameraIds = new Set(this.#deps.store.list().map((c) => c.camera_id));
    for (const mountpoint of await this.#list()) {
      const owner = parseMountpointMetadata(this.#deps.stationId, mountpoint.metadata);
      if (owner) cameraIds.add(owner.cameraId);
    }
    await Promise.all([...cameraIds].map((cameraId) => this.reconcileCamera(cameraId)));
  }

  /** Brings one camera's mountpoint in line with the store (creates, re-creates or destroys it). */
  reconcileCamera(cameraId: string): Promise<void> {
    return this.#lock.run(cameraId, async () => {
      if (!this.#deps.link.isUp) return;
      const camera = this.#deps.store.get(cameraId);
      const desired: DesiredMountpoint[] =
        camera?.enabled === true
          ? [{ cameraId, mountpointId: camera.mountpoint.id, revision: camera.mountpoint.revision }]
          : [];
      const actual = (await this.#list()).filter(
        (m) =>
          m.id === camera?.mountpoint.id ||
          parseMountpointMetadata(this.#deps.stationId, m.metadata)?.cameraId === cameraId,
      );
      for (const step of planReconcile(this.#deps.stationId, desired, actual)) await this.#apply(step);
    });
  }

  /**
   * Destroys a camera's mountpoint before the camera leaves the store (Janus needs its secret to destroy
   * it); if Janus is down now, the secret is kept so a later pass can finish the job.
   */
  forget(camera: StoredCamera, mountpointSecret: string): Promise<void> {
    this.#tombstones.set(camera.mountpoint.id, mountpointSecret);
    return this.#lock.run(camera.camera_id, async () => {
      if (this.#deps.link.isUp) await this.#destroy(camera.mountpoint.id);
    });
  }

  /** Destroys every mountpoint of this station (a bundled Janus being shut down). */
  async removeAll(): Promise<void> {
    if (!this.#deps.link.isUp) return;
    const ours = (await this.#list()).filter((m) =>
      parseMountpointMetadata(this.#deps.stationId, m.metadata),
    );
    await Promise.all(
      ours.map((m) =>
        this.#destroy(m.id).catch((error: unknown) => {
          this.#logFailure(m.id, error);
        }),
      ),
    );
  }

  /** Resolves once every queued camera task has settled. */
  idle(): Promise<void> {
    return this.#lock.idle();
  }

  async #apply(step: ReconcileStep): Promise<void> {
    const { logger } = this.#deps;
    try {
      switch (step.kind) {
        case 'create':
          await this.#create(step.cameraId);
          break;
        case 'recreate':
          await this.#destroy(step.mountpointId);
          await this.#create(step.cameraId);
          break;
        case 'destroy':
          await this.#destroy(step.mountpointId);
          break;
        case 'conflict':
          this.#deps.onFailed(
            step.cameraId,
            `Janus mountpoint ${step.mountpointId} belongs to something else; Vigil leaves it alone`,
          );
          break;
      }
      logger.debug({ step }, 'reconciled');
    } catch (error) {
      this.#logFailure(step.mountpointId, error);
      if (step.kind !== 'destroy') this.#deps.onFailed(step.cameraId, describeFailure(error));
    }
  }

  async #create(cameraId: string): Promise<void> {
    const { store, link, stationId } = this.#deps;
    const camera = store.get(cameraId);
    if (!camera) return;
    const [password, mountpointSecret] = await Promise.all([
      store.unsealPassword(camera),
      store.unsealMountpointSecret(camera),
    ]);
    const request = mountpointRequest(stationId, camera, { password, mountpointSecret });
    try {
      // Connect now (first video in ~0.1 s); without the fail-check Janus waits rtsp_reconnect_delay first.
      await link.streaming().create({ ...request, rtsp_failcheck: true });
    } catch (error) {
      if (!(error instanceof StreamingError && error.janusCode === CANT_CREATE)) throw error;
      // The camera is down (or refuses Janus): register it anyway and let Janus keep retrying.
      await link.streaming().create(request);
    }
    this.#deps.onCreated(cameraId);
  }

  async #destroy(mountpointId: number): Promise<void> {
    const secret = this.#tombstones.get(mountpointId) ?? (await this.#secretOf(mountpointId));
    try {
      await this.#deps.link.streaming().destroy(mountpointId, { secret });
    } catch (error) {
      if (!(error instanceof StreamingError && error.janusCode === NO_SUCH_MOUNTPOINT)) throw error;
    }
    this.#tombstones.delete(mountpointId);
  }

  async #secretOf(mountpointId: number): Promise<string | undefined> {
    const camera = this.#deps.store.list().find((c) => c.mountpoint.id === mountpointId);
    return camera ? this.#deps.store.unsealMountpointSecret(camera) : undefined;
  }

  async #list(): Promise<ActualMountpoint[]> {
    const list: MountpointSummary[] = await this.#deps.link.streaming().list();
    return list.flatMap((m) => (typeof m.id === 'number' ? [{ id: m.id, metadata: m.metadata }] : []));
  }

  #logFailure(mountpointId: number, error: unknown): void {
    this.#deps.logger.warn({ err: error, mountpointId }, 'reconcile step failed');
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof StreamingError)
    return `Janus refused the mountpoint: ${error.message} (${error.janusCode})`;
  if (error instanceof Error && 'code' in error) return `Janus is not answering (${String(error.code)})`;
  return 'Janus refused the mountpoint';
}
