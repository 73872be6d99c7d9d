import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import type { CameraInput, CameraPatch, CameraView, StreamInfo } from '../../common/camera';
import { ErrorCode, VigilError } from '../../common/errors';
import type { StationEvent } from '../../common/events';
import type { HealthReport } from '../../common/health';
import type { ProbeRequest, ProbeResult } from '../../common/probe';
import type { CameraStore } from '../store/camera-store';
import { probeCamera, type ProbeOptions } from '../rtsp/probe';
import type { StoredCamera } from '../store/stored-camera';
import type { GatewayEndpoints } from '../gateway/gateway';
import { runInBackground } from '../../common/background';
import { DEFAULT_HEALTH_THRESHOLDS, type HealthThresholds } from './camera-health';
import {
  cameraSource,
  probeRefusal,
  probeRequestOf,
  relaysAudio,
  substreamUrl,
  type CameraSource,
} from './camera-input';
import { cameraView } from './camera-view';
import { StationEventBus } from './event-bus';
import { healthReport } from './health-report';
import { HealthMonitor } from './health-monitor';
import { JanusLink } from './janus-link';
import { Reconciler } from './reconciler';
import { repeat } from './repeat';
import type { StationService } from './service';
import { loadStationId } from './station-id';
import { registerStationMetrics } from './station-metrics';
import { ViewerTokens } from './viewer-tokens';

/** An ICE server a viewer may use (none by default: never a public STUN server). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** How often the station looks at Janus, and how long viewer tokens live. */
export interface StationTimings {
  healthIntervalMs: number;
  reconcileIntervalMs: number;
  tokenTtlMs: number;
  probeTimeoutMs: number;
  thresholds: HealthThresholds;
}

const DEFAULT_TIMINGS: StationTimings = {
  healthIntervalMs: 1_000,
  reconcileIntervalMs: 15_000,
  tokenTtlMs: 10 * 60_000,
  probeTimeoutMs: 5_000,
  thresholds: DEFAULT_HEALTH_THRESHOLDS,
};

/** What a station runs on. */
export interface StationOptions {
  dataDir: string;
  store: CameraStore;
  gateway: GatewayEndpoints;
  logger: Logger;
  metrics: Registry;
  iceServers?: IceServer[];
  timings?: Partial<StationTimings>;
  /** The RTSP probe (tests may pass a slower or scripted one). */
  probe?: (options: ProbeOptions) => Promise<ProbeResult>;
  /** The event bus, when others (saved views) announce on it too; default the station's own. */
  events?: StationEventBus;
}

/**
 * The station: cameras in the store (the truth) kept equal to Janus's mountpoints (disposable), their health,
 * viewer stream info, and events — what the REST API and the desktop app's IPC both serve.
 * @example
 * const station = await Station.start({ dataDir, store, gateway: gateway.endpoints, logger, metrics });
 * await station.addCamera({ camera_id: 'lobby', name: 'Lobby', rtsp_url: 'rtsp://127.0.0.1:8554/cam1' });
 * await station.stop({ removeMountpoints: true });
 */
export class Station implements StationService {
  readonly #options: StationOptions;
  readonly #timings: StationTimings;
  readonly #events: StationEventBus;
  readonly #link: JanusLink;
  readonly #reconciler: Reconciler;
  readonly #health: HealthMonitor;
  readonly #tokens: ViewerTokens;
  readonly #stopTimers: (() => void)[] = [];
  #gateway: GatewayEndpoints;
  #switching: Promise<void> | undefined;

  private constructor(options: StationOptions, stationId: string) {
    this.#options = options;
    this.#gateway = options.gateway;
    this.#events = options.events ?? new StationEventBus();
    this.#timings = { ...DEFAULT_TIMINGS, ...options.timings };
    const { store, logger } = options;
    this.#link = new JanusLink(options.gateway, logger.child({ name: 'station/janus' }));
    this.#health = new HealthMonitor({
      store,
      link: this.#link,
      logger: logger.child({ name: 'station/health' }),
      emit: (event) => {
        this.#emit(event);
      },
      thresholds: this.#timings.thresholds,
    });
    this.#reconciler = new Reconciler({
      stationId,
      store,
      link: this.#link,
      logger: logger.child({ name: 'station/reconciler' }),
      onCreated: (cameraId) => {
        this.#health.started(cameraId);
      },
      onFailed: (cameraId, reason) => {
        this.#health.failed(cameraId, reason);
      },
    });
    this.#tokens = new ViewerTokens(this.#link, logger, this.#timings.tokenTtlMs);
    registerStationMetrics(options.metrics, {
      cameraStates: () => store.list().map((c) => this.#health.get(c.camera_id).state),
      janusUp: () => this.#link.isUp,
    });
  }

  /** Starts the station: connects to Janus (retrying while it is down) and keeps it equal to the store. */
  static async start(options: StationOptions): Promise<Station> {
    const station = new Station(options, await loadStationId(options.dataDir));
    station.#setupLink();
    station.#setupTimers();
    return station;
  }

  /** Stops timers and tokens, removes the mountpoints when asked (a bundled Janus), closes the link. */
  async stop({ removeMountpoints = false }: { removeMountpoints?: boolean } = {}): Promise<void> {
    for (const stopTimer of this.#stopTimers) stopTimer();
    await this.#reconciler.idle();
    if (removeMountpoints)
      await this.#reconciler.removeAll().catch((error: unknown) => {
        this.#warn(error);
      });
    await this.#tokens.stop();
    await this.#link.stop();
  }

  /**
   * Moves the station onto another Janus without a restart: removes this station's mountpoints and viewer
   * tokens from the current Janus (if it is reachable), points the link at `endpoints`, and resolves once
   * every enabled camera's mountpoint exists there. Switches run one at a time.
   */
  switchGateway(
    endpoints: GatewayEndpoints,
    { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
  ): Promise<void> {
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
    const probed = input.skip_probe ? undefined : await this.#probeOrRefuse(source, input.allow_offline);
    const now = new Date().toISOString();
    store.insert({
      camera_id: input.camera_id,
      name: input.name,
      rtsp_url: source.url,
      username: source.username,
      password_sealed: await store.sealPassword(source.password),
      auth_method:
        input.auth_method ?? (probed?.ok && probed.auth_method !== 'none' ? probed.auth_method : 'digest'),
      description: input.description ?? '',
      enabled: input.enabled ?? true,
      audio: relaysAudio(probed),
      substream_url: substream,
      tags: input.tags ?? [],
      mountpoint: await store.newMountpoint(),
      created_at: now,
      updated_at: now,
    });
    this.#emit({ type: 'camera.added', camera_id: input.camera_id, at: now });
    await this.#reconciler.reconcileCamera(input.camera_id);
    return this.getCamera(input.camera_id);
  }

  async updateCamera(cameraId: string, patch: CameraPatch): Promise<CameraView> {
    const { store } = this.#options;
    const camera = this.#camera(cameraId);
    const current = { username: camera.username, password: await store.unsealPassword(camera) };
    const source = cameraSource(patch.rtsp_url ?? camera.rtsp_url, patch, current);
    const sourceChanged =
      source.url !== camera.rtsp_url ||
      source.username !== current.username ||
      source.password !== current.password;
    const probed =
      sourceChanged && !patch.skip_probe ? await this.#probeOrRefuse(source, patch.allow_offline) : undefined;
    const updated: StoredCamera = {
      ...camera,
      name: patch.name ?? camera.name,
      rtsp_url: source.url,
      username: source.username,
      password_sealed: sourceChanged ? await store.sealPassword(source.password) : camera.password_sealed,
      auth_method: patch.auth_method ?? camera.auth_method,
      description: patch.description ?? camera.description,
      enabled: patch.enabled ?? camera.enabled,
      audio: sourceChanged ? relaysAudio(probed) : camera.audio === true,
      substream_url:
        patch.substream_url === undefined ? camera.substream_url : substreamUrl(patch.substream_url),
      tags: patch.tags ?? camera.tags,
      mountpoint: sourceChanged
        ? { ...camera.mountpoint, revision: camera.mountpoint.revision + 1 }
        : camera.mountpoint,
      updated_at: new Date().toISOString(),
    };
    store.replace(updated);
    this.#emit({ type: 'camera.updated', camera_id: cameraId, at: updated.updated_at });
    if (!updated.enabled) this.#health.disabled(cameraId);
    if (sourceChanged || updated.enabled !== camera.enabled) await this.#reconciler.reconcileCamera(cameraId);
    return this.getCamera(cameraId);
  }

  async removeCamera(cameraId: string): Promise<void> {
    const { store } = this.#options;
    const camera = this.#camera(cameraId);
    const secret = await store.unsealMountpointSecret(camera);
    store.remove(cameraId);
    this.#health.removed(cameraId);
    this.#emit({ type: 'camera.removed', camera_id: cameraId, at: new Date().toISOString() });
    await this.#reconciler.forget(camera, secret).catch((error: unknown) => {
      this.#warn(error);
    });
  }

  async restartCamera(cameraId: string): Promise<void> {
    const camera = this.#camera(cameraId);
    if (!this.#link.isUp) throw gatewayDown();
    const revision = camera.mountpoint.revision + 1;
    this.#options.store.replace({ ...camera, mountpoint: { ...camera.mountpoint, revision } });
    await this.#reconciler.reconcileCamera(cameraId);
  }

  async streamInfo(cameraId: string): Promise<StreamInfo> {
    const camera = this.#camera(cameraId);
    const { urls, tokenAuth } = this.#gateway;
    if (tokenAuth && !this.#link.isUp) throw gatewayDown();
    const token = tokenAuth ? await this.#tokens.issue() : undefined;
    return {
      camera_id: camera.camera_id,
      stream_id: camera.mountpoint.id,
      janus_url: urls.http,
      websocket_url: urls.ws,
      plugin: 'janus.plugin.streaming',
      pin: camera.mountpoint.pin,
      ice_servers: this.#options.iceServers ?? [],
      ...(token ? { token: token.token, token_expires_at: token.expiresAt.toISOString() } : {}),
      stream_info: { id: camera.mountpoint.id, type: 'rtsp', description: camera.name },
    };
  }

  probe(request: ProbeRequest): Promise<ProbeResult> {
    return this.#probe(cameraSource(request.rtsp_url, request));
  }

  async health(detailed: boolean): Promise<HealthReport> {
    const janusUp = this.#link.isUp;
    const sessions = janusUp
      ? await this.#link
          .admin()
          .listSessions()
          .catch(() => [])
      : [];
    return healthReport({
      cameras: this.#options.store.list(),
      healthOf: (cameraId) => this.#health.get(cameraId),
      janusUp,
      activeSessions: sessions.length,
      detailed,
    });
  }

  gatewayUrls(): { janus_url: string; websocket_url: string } {
    return { janus_url: this.#gateway.urls.http, websocket_url: this.#gateway.urls.ws };
  }

  onEvent(listener: (event: StationEvent) => void): () => void {
    return this.#events.on('event', listener);
  }

  async #switchGateway(endpoints: GatewayEndpoints, timeoutMs: number): Promise<void> {
    const from = this.#gateway.urls.ws;
    await this.#reconciler.idle();
    if (this.#link.isUp) {
      await this.#reconciler.removeAll().catch((error: unknown) => {
        this.#warn(error);
      });
      await this.#tokens.stop();
    }
    const up = this.#nextUp(timeoutMs);
    this.#gateway = endpoints;
    await this.#link.retarget(endpoints);
    await up;
    await this.#reconciler.reconcileAll();
    this.#options.logger.info({ from, to: endpoints.urls.ws }, 'switched Janus');
  }

  /** Resolves at the link's next `up`; rejects after `timeoutMs` (the link keeps trying all the same). */
  #nextUp(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          new VigilError(
            ErrorCode.GatewayUnavailable,
            `the new Janus at ${this.#gateway.urls.ws} did not answer within ${timeoutMs} ms; the station keeps trying`,
          ),
        );
      }, timeoutMs);
      const off = this.#link.on('up', () => {
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  #setupLink(): void {
    this.#link.on('up', () => {
      this.#tokens.forgetLatest();
      this.#emit({ type: 'gateway.up', at: new Date().toISOString() });
      this.#background(this.#reconciler.reconcileAll());
    });
    this.#link.on('down', (reason) => {
      this.#emit({ type: 'gateway.down', reason, at: new Date().toISOString() });
    });
    this.#link.start();
  }

  #setupTimers(): void {
    const onError = (error: unknown) => {
      this.#warn(error);
    };
    this.#stopTimers.push(
      repeat(this.#timings.healthIntervalMs, () => this.#health.sample(), onError),
      repeat(this.#timings.reconcileIntervalMs, () => this.#reconciler.reconcileAll(), onError),
    );
  }

  async #probeOrRefuse(source: CameraSource, allowOffline = false): Promise<ProbeResult> {
    const result = await this.#probe(source);
    const refusal = probeRefusal(result, allowOffline);
    if (refusal) throw refusal;
    return result;
  }

  #probe(source: CameraSource): Promise<ProbeResult> {
    const probe = this.#options.probe ?? probeCamera;
    const request = probeRequestOf(source);
    return probe({
      url: request.rtsp_url,
      username: source.username,
      password: source.password,
      timeoutMs: this.#timings.probeTimeoutMs,
    });
  }

  #camera(cameraId: string): StoredCamera {
    const camera = this.#options.store.get(cameraId);
    if (!camera) throw new VigilError(ErrorCode.CameraNotFound, `No camera "${cameraId}"`, 'camera_id');
    return camera;
  }

  #view(camera: StoredCamera, health = this.#health.get(camera.camera_id)): CameraView {
    return cameraView(camera, health, this.#gateway.urls.ws);
  }

  #emit(event: StationEvent): void {
    this.#events.publish(event);
  }

  #background(task: Promise<unknown>): void {
    runInBackground(task, (error: unknown) => {
      this.#warn(error);
    });
  }

  #warn(error: unknown): void {
    this.#options.logger.warn({ err: error }, 'station task failed');
  }
}

function cameraExists(cameraId: string): VigilError {
  return new VigilError(ErrorCode.CameraExists, `A camera "${cameraId}" already exists`, 'camera_id');
}

function gatewayDown(): VigilError {
  return new VigilError(
    ErrorCode.GatewayUnavailable,
    'Janus is not reachable right now; the station keeps trying',
  );
}
