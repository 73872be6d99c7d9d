import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import type { BackoffPolicy } from '../../common/backoff';
import type { CameraStore } from '../store/camera-store';
import type { StoredCamera } from '../store/stored-camera';
import { StreamingError, type Clock } from '../janus';
import { KeyedLock } from './keyed-lock';
import { KeyedRetry } from './keyed-retry';
import { mountpointRequest } from './mountpoints';
import {
  camerasToReconcile,
  parseMountpointMetadata,
  planCamera,
  type ActualMountpoint,
  type ReconcileStep,
} from './reconcile-plan';
import type { StationJanus } from './station-janus';

/** What the reconciler needs from the station. */
export interface ReconcilerDeps {
  stationId: string;
  store: CameraStore;
  janus: StationJanus;
  logger: Logger;
  clock: Clock;
  /** A camera's mountpoint was (re)created. */
  onCreated(cameraId: string): void;
  /** A camera's mountpoint could not be created; `reason` is for the user. */
  onFailed(cameraId: string, reason: string): void;
  /** A reconcile of an enabled camera succeeded: its mountpoint exists on Janus now (created or already there). */
  onReady(cameraId: string): void;
  /** Whether this station's Janus holds the camera (cluster placement); default every stored camera. */
  holds?: ((cameraId: string) => boolean) | undefined;
}

/** How soon a camera whose mountpoint Janus refused is tried again: 1 s, doubling to the reconcile interval. */
const CREATE_RETRY: BackoffPolicy = { initialDelayMs: 1_000, maxDelayMs: 15_000, jitter: 0.25 };

const NO_SUCH_MOUNTPOINT = 455;
const CANT_CREATE = 456;

/**
 * Makes Janus's mountpoints equal to the store, one task at a time per camera (a per-camera lock) and
 * idempotently: run it at start, when Janus comes back, on a timer and after every change. A camera whose
 * mountpoint cannot be created is tried again on a backoff until it works.
 */
export class Reconciler {
  readonly #deps: ReconcilerDeps;
  readonly #lock = new KeyedLock();
  readonly #retry: KeyedRetry;
  /** Per camera: bumped when a task starts and when it ends (odd while one runs), to spot stale lists. */
  readonly #epochs = new Map<string, number>();
  /** Secrets of this station's mountpoints whose camera is gone but which Janus may still hold. */
  readonly #tombstones = new Map<number, string>();

  constructor(deps: ReconcilerDeps) {
    this.#deps = deps;
    this.#retry = new KeyedRetry(CREATE_RETRY, deps.clock);
  }

  /**
   * Brings every camera's mountpoint in line from one `list` (no-op while Janus is down). A camera whose own
   * task ran while the list was in flight is planned from a fresh list instead.
   */
  async reconcileAll(): Promise<void> {
    if (!this.#deps.janus.isUp) return;
    const epochs = new Map(this.#epochs);
    const listed = await this.#list();
    const storedIds = this.#deps.store
      .list()
      .map((c) => c.camera_id)
      .filter((cameraId) => this.#holds(cameraId));
    await Promise.all(
      camerasToReconcile(this.#deps.stationId, storedIds, listed).map((cameraId) => {
        const epoch = epochs.get(cameraId) ?? 0;
        // Fresh when no task of this camera ran at list time (even) and none since, but this one (+1).
        const fresh = () => epoch % 2 === 0 && this.#epochs.get(cameraId) === epoch + 1;
        return this.#reconcile(cameraId, () => (fresh() ? Promise.resolve(listed) : this.#list()));
      }),
    );
  }

  /** Brings one camera's mountpoint in line with the store (creates, re-creates or destroys it). */
  reconcileCamera(cameraId: string): Promise<void> {
    return this.#reconcile(cameraId, () => this.#list());
  }

  /**
   * Destroys a camera's mountpoint before the camera leaves the store (Janus needs its secret to destroy
   * it); if Janus is down now, the secret is kept so a later pass can finish the job.
   */
  forget(camera: StoredCamera, mountpointSecret: string): Promise<void> {
    this.#tombstones.set(camera.mountpoint.id, mountpointSecret);
    this.#retry.succeeded(camera.camera_id);
    return this.#locked(camera.camera_id, async () => {
      if (this.#deps.janus.isUp) await this.#destroy(camera.mountpoint.id);
    });
  }

  /** Destroys every mountpoint of this station (a bundled Janus being shut down). */
  async removeAll(): Promise<void> {
    if (!this.#deps.janus.isUp) return;
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

  /** Cancels pending retries; later failures are not retried (the station is stopping). */
  stop(): void {
    this.#retry.stop();
  }

  /** Resolves once every queued camera task has settled. */
  idle(): Promise<void> {
    return this.#lock.idle();
  }

  #reconcile(cameraId: string, list: () => Promise<ActualMountpoint[]>): Promise<void> {
    return this.#locked(cameraId, async () => {
      if (!this.#deps.janus.isUp) return;
      // A camera placed on another gateway is planned as absent here: its mountpoint on this Janus goes.
      const camera = this.#holds(cameraId) ? this.#deps.store.get(cameraId) : undefined;
      const steps = planCamera(this.#deps.stationId, cameraId, camera, await list());
      let failed = false;
      for (const step of steps) failed = !(await this.#apply(step)) || failed;
      if (!failed) {
        this.#retry.succeeded(cameraId);
        if (camera?.enabled === true && !steps.some((step) => step.kind === 'conflict'))
          this.#deps.onReady(cameraId);
        return;
      }
      const retryInMs = this.#retry.failed(cameraId, () => {
        runInBackground(this.reconcileCamera(cameraId), (error: unknown) => {
          this.#deps.logger.warn({ err: error, cameraId }, 'mountpoint retry failed');
        });
      });
      if (retryInMs !== undefined)
        this.#deps.logger.debug({ cameraId, retryInMs }, 'mountpoint will be tried again');
    });
  }

  /** Runs a camera's task under its lock, bumping its epoch before and after. */
  #locked(cameraId: string, task: () => Promise<void>): Promise<void> {
    const bump = () => this.#epochs.set(cameraId, (this.#epochs.get(cameraId) ?? 0) + 1);
    return this.#lock.run(cameraId, async () => {
      bump();
      try {
        await task();
      } finally {
        bump();
      }
    });
  }

  /** Applies one step; false when creating the camera's mountpoint failed (worth a retry). */
  async #apply(step: ReconcileStep): Promise<boolean> {
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
      return true;
    } catch (error) {
      this.#logFailure(step.mountpointId, error);
      if (step.kind === 'destroy') return true;
      this.#deps.onFailed(step.cameraId, describeFailure(error));
      return false;
    }
  }

  #holds(cameraId: string): boolean {
    return this.#deps.holds?.(cameraId) ?? true;
  }

  async #create(cameraId: string): Promise<void> {
    const { store, janus, stationId } = this.#deps;
    const camera = this.#holds(cameraId) ? store.get(cameraId) : undefined;
    if (!camera) return;
    const [password, mountpointSecret] = await Promise.all([
      store.unsealPassword(camera),
      store.unsealMountpointSecret(camera),
    ]);
    const request = mountpointRequest(stationId, camera, { password, mountpointSecret });
    try {
      // Connect now (first video in ~0.1 s); without the fail-check Janus waits rtsp_reconnect_delay first.
      await janus.createMountpoint({ ...request, rtsp_failcheck: true });
    } catch (error) {
      if (!(error instanceof StreamingError && error.janusCode === CANT_CREATE)) throw error;
      // The camera is down (or refuses Janus): register it anyway and let Janus keep retrying.
      await janus.createMountpoint(request);
    }
    this.#deps.onCreated(cameraId);
  }

  async #destroy(mountpointId: number): Promise<void> {
    const secret = this.#tombstones.get(mountpointId) ?? (await this.#secretOf(mountpointId));
    try {
      await this.#deps.janus.destroyMountpoint(mountpointId, secret);
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
    const list = await this.#deps.janus.listMountpoints();
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
