import type { CameraInput, CameraPatch, CameraView } from '../../common/camera';
import { runInBackground } from '../../common/background';
import type { StationEvent } from '../../common/events';
import type { HealthReport } from '../../common/health';
import type { ProbeRequest, ProbeResult } from '../../common/probe';
import type { GatewayEndpoints } from '../gateway/gateway';
import type { Clock } from '../janus';
import type { StoredCamera } from '../store/stored-camera';
import { cameraSource, substreamUrl } from './camera-input';
import {
  afterUpdate,
  newCameraRecord,
  patchedCameraRecord,
  probesOnAdd,
  probesOnUpdate,
  restartedRecord,
  sourceChanged,
} from './camera-records';
import type { CameraProber } from './camera-probe';
import { unplacedHealth, type HealthRecord } from './camera-health';
import { cameraView } from './camera-view';
import type { StationEventBus } from './event-bus';
import type { HealthMonitor } from './health-monitor';
import type { MountpointReadiness } from './mountpoint-readiness';
import { healthReport } from './health-report';
import { nextUp } from './next-up';
import type { Reconciler } from './reconciler';
import { repeat } from './repeat';
import type { StationService } from './service';
import { cameraExists, cameraNotFound, gatewayUnavailable } from './station-errors';
import type { StationJanus } from './station-janus';
import { loadStationId } from './station-id';
import { buildStationParts, type CameraChangeFollower } from './station-parts';
import type { StationOptions, StationTimings } from './station-options';
import type { StationViewers } from './station-viewers';

export type { IceServer, StationOptions, StationTimings } from './station-options';
export type { ViewerStream } from './camera-view';
export type { StationViewers, ViewerMountpoint } from './station-viewers';

/**
 * The station: cameras in the store (the truth) kept equal to Janus's mountpoints (disposable), their health,
 * what viewers need to find them, and events — what the REST API, the desktop app's IPC and the Janus door
 * serve. It coordinates; the reconciler and the health monitor do the work on a StationJanus and a clock.
 * @example
 * const station = await Station.start({ dataDir, store, gateway: gateway.endpoints, viewerUrl, logger, metrics });
 * await station.addCamera({ camera_id: 'lobby', name: 'Lobby', rtsp_url: 'rtsp://127.0.0.1:8554/cam1' });
 * await station.stop({ removeMountpoints: true });
 */
export class Station implements StationService {
  readonly #options: StationOptions;
  readonly #timings: StationTimings;
  readonly #clock: Clock;
  readonly #events: StationEventBus;
  readonly #janus: StationJanus;
  readonly #reconciler: Reconciler;
  readonly #health: HealthMonitor;
  readonly #readiness: MountpointReadiness;
  readonly #prober: CameraProber;
  /** Cameras where motion is going on now (main/motion says so through setMotion). */
  readonly #moving = new Set<string>();
  readonly #stopTimers: (() => void)[] = [];
  /** What the Janus door asks of the station (main/door). */
  readonly viewers: StationViewers;
  /** Cluster mode: announces a camera another station changed in the shared store and follows it in Janus. */
  readonly cameraChangedElsewhere: (change: Parameters<CameraChangeFollower>[0]) => Promise<void>;
  #gateway: GatewayEndpoints;
  #switching: Promise<void> | undefined;

  private constructor(options: StationOptions, stationId: string) {
    this.#options = options;
    this.#gateway = options.gateway;
    const parts = buildStationParts(options, stationId, () => this.#gateway);
    this.#timings = parts.timings;
    this.#clock = parts.clock;
    this.#events = parts.events;
    this.#janus = parts.janus;
    this.#health = parts.health;
    this.#readiness = parts.readiness;
    this.#reconciler = parts.reconciler;
    this.#prober = parts.prober;
    this.viewers = parts.viewers;
    this.cameraChangedElsewhere = (change) => parts.followChange(change, this.#moving);
    this.#stopTimers.push(parts.unfollowPlacement);
  }

  /** Starts the station: connects to Janus (retrying while it is down) and keeps it equal to the store. */
  static async start(options: StationOptions): Promise<Station> {
    const station = new Station(options, await loadStationId(options.dataDir));
    station.#setup();
    return station;
  }

  /** Stops timers, removes the mountpoints when asked (a bundled Janus), lets go of Janus. */
  async stop({ removeMountpoints = false }: { removeMountpoints?: boolean } = {}): Promise<void> {
    for (const stopTimer of this.#stopTimers) stopTimer();
    this.#reconciler.stop();
    await this.#reconciler.idle();
    if (removeMountpoints) await this.#reconciler.removeAll().catch(this.#warn);
    await this.#janus.stop();
  }

  /**
   * Moves the station onto another Janus without a restart (one switch at a time): takes this station's mountpoints
   * off the current Janus (if reachable), points the link at `endpoints`, resolves once every enabled camera's
   * mountpoint exists there.
   */
  switchGateway(endpoints: GatewayEndpoints, options: { timeoutMs?: number } = {}): Promise<void> {
    const { timeoutMs = 30_000 } = options;
    const previous = (this.#switching ?? Promise.resolve()).catch(() => undefined);
    const next = previous.then(() => this.#switchGateway(endpoints, timeoutMs));
    this.#switching = next;
    return next;
  }

  listCameras(): CameraView[] {
    return this.#options.store.list().map((camera) => this.#view(camera));
  }

  getCamera(cameraId: string): CameraView {
    return this.#view(this.#camera(cameraId));
  }

  async addCamera(input: CameraInput): Promise<CameraView> {
    const { store } = this.#options;
    if (store.get(input.camera_id)) throw cameraExists(input.camera_id);
    const source = cameraSource(input.rtsp_url, input);
    const substream = substreamUrl(input.substream_url);
    const probed = probesOnAdd(input)
      ? await this.#prober.probeOrRefuse(source, input.allow_offline)
      : undefined;
    const record = newCameraRecord(input, {
      source,
      substreamUrl: substream,
      probed,
      passwordSealed: await store.sealPassword(source.password),
      mountpoint: await store.newMountpoint(),
      now: this.#isoNow(),
    });
    await store.insert(record);
    this.#events.publish({ type: 'camera.added', camera_id: input.camera_id, at: record.created_at });
    await this.#reconciler.reconcileCamera(input.camera_id);
    return this.getCamera(input.camera_id);
  }

  async updateCamera(cameraId: string, patch: CameraPatch): Promise<CameraView> {
    const { store } = this.#options;
    const camera = this.#camera(cameraId);
    const current = { username: camera.username, password: await store.unsealPassword(camera) };
    const source = cameraSource(patch.rtsp_url ?? camera.rtsp_url, patch, current);
    const changed = sourceChanged(camera, current, source);
    const probed = probesOnUpdate(patch, changed)
      ? await this.#prober.probeOrRefuse(source, patch.allow_offline)
      : undefined;
    const updated = patchedCameraRecord(camera, patch, {
      source,
      changed,
      probed,
      passwordSealed: changed ? await store.sealPassword(source.password) : camera.password_sealed,
      now: this.#isoNow(),
    });
    await store.replace(updated);
    this.#events.publish({ type: 'camera.updated', camera_id: cameraId, at: updated.updated_at });
    const next = afterUpdate(camera, updated, changed);
    if (next.disabled) {
      this.#health.disabled(cameraId);
      this.#readiness.markGone(cameraId);
    }
    if (next.reconcile) await this.#reconciler.reconcileCamera(cameraId);
    return this.getCamera(cameraId);
  }

  async removeCamera(cameraId: string): Promise<void> {
    const { store } = this.#options;
    const camera = this.#camera(cameraId);
    const secret = await store.unsealMountpointSecret(camera);
    await store.remove(cameraId);
    this.#health.removed(cameraId);
    this.#moving.delete(cameraId);
    this.#readiness.markGone(cameraId);
    this.#events.publish({ type: 'camera.removed', camera_id: cameraId, at: this.#isoNow() });
    await this.#reconciler.forget(camera, secret).catch(this.#warn);
  }

  async restartCamera(cameraId: string): Promise<void> {
    const camera = this.#camera(cameraId);
    if (!this.#janus.isUp) throw gatewayUnavailable();
    await this.#options.store.replace(restartedRecord(camera));
    await this.#reconciler.reconcileCamera(cameraId);
  }

  probe(request: ProbeRequest): Promise<ProbeResult> {
    return this.#prober.probe(cameraSource(request.rtsp_url, request));
  }

  // From the health monitor's last sample: `/health` is public, so answering it never calls Janus.
  health(detailed: boolean): Promise<HealthReport> {
    const janusUp = this.#janus.isUp;
    return Promise.resolve(
      healthReport({
        cameras: this.#options.store.list(),
        healthOf: (cameraId) => this.#healthOf(cameraId),
        motionOf: (cameraId) => this.#moving.has(cameraId),
        janusUp,
        activeSessions: janusUp ? this.#health.activeSessions() : 0,
        detailed,
      }),
    );
  }

  /**
   * Motion detection (main/motion) says whether motion is going on at a camera; a change is announced as
   * `camera.motion` and shows in the camera's health. Unknown cameras are ignored (removed meanwhile).
   */
  setMotion(cameraId: string, motion: boolean, at: number = this.#clock.now()): void {
    if (this.#options.store.get(cameraId) === undefined || this.#moving.has(cameraId) === motion) return;
    if (motion) this.#moving.add(cameraId);
    else this.#moving.delete(cameraId);
    this.#events.publish({
      type: 'camera.motion',
      camera_id: cameraId,
      motion,
      at: new Date(at).toISOString(),
    });
  }

  /** The gateway restarted its Janus: reach it now instead of at the link's next retry (players wait on it). */
  gatewayRestarted(): void {
    this.#janus.retryNow();
  }

  gatewayUrls(): { janus_url: string; websocket_url: string } {
    return { janus_url: this.#options.viewerUrl, websocket_url: this.#options.viewerUrl };
  }

  onEvent(listener: (event: StationEvent) => void): () => void {
    return this.#events.on('event', listener);
  }

  async #switchGateway(endpoints: GatewayEndpoints, timeoutMs: number): Promise<void> {
    const from = this.#gateway.urls.ws;
    await this.#reconciler.idle();
    if (this.#janus.isUp) await this.#reconciler.removeAll().catch(this.#warn);
    const up = nextUp(this.#janus, this.#clock, timeoutMs, endpoints.urls.ws);
    this.#gateway = endpoints;
    await this.#janus.retarget(endpoints);
    await up;
    await this.#reconciler.reconcileAll();
    this.#options.logger.info({ from, to: endpoints.urls.ws }, 'switched Janus');
  }

  /** Follows Janus (up: put the mountpoints back) and starts the health and reconcile timers. */
  #setup(): void {
    this.#janus.on('up', () => {
      this.#events.publish({ type: 'gateway.up', at: this.#isoNow() });
      runInBackground(this.#reconciler.reconcileAll(), this.#warn);
    });
    this.#janus.on('down', (reason) => {
      this.#readiness.clear();
      this.#events.publish({ type: 'gateway.down', reason, at: this.#isoNow() });
    });
    this.#janus.start();
    const { healthIntervalMs, reconcileIntervalMs } = this.#timings;
    this.#stopTimers.push(
      repeat(this.#clock, healthIntervalMs, () => this.#health.sample(), this.#warn),
      repeat(this.#clock, reconcileIntervalMs, () => this.#reconciler.reconcileAll(), this.#warn),
    );
  }

  #camera(cameraId: string): StoredCamera {
    const camera = this.#options.store.get(cameraId);
    if (!camera) throw cameraNotFound(cameraId);
    return camera;
  }

  #view(camera: StoredCamera): CameraView {
    const { camera_id: cameraId } = camera;
    const { placement, viewerUrl } = this.#options;
    const moving = this.#moving.has(cameraId);
    return cameraView(camera, this.#healthOf(cameraId), viewerUrl, moving, placement?.gatewayIdOf(cameraId));
  }

  /** The camera's health: this station's own sample, or, for a camera another gateway holds, its station's. */
  #healthOf(cameraId: string): HealthRecord {
    const { placement } = this.#options;
    if (placement === undefined || placement.holds(cameraId)) return this.#health.get(cameraId);
    return (
      placement.remoteHealth(cameraId) ?? unplacedHealth(placement.gatewayIdOf(cameraId), this.#clock.now())
    );
  }

  #isoNow(): string {
    return new Date(this.#clock.now()).toISOString();
  }

  readonly #warn = (error: unknown): void => {
    this.#options.logger.warn({ err: error }, 'station task failed');
  };
}
