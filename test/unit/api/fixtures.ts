import pino from 'pino';
import { Registry } from 'prom-client';

import type { CameraInput, CameraPatch, CameraView } from '../../../common/camera';
import { ErrorCode, VigilError } from '../../../common/errors';
import type { StationEvent } from '../../../common/events';
import { motionSettings } from '../../../common/motion';
import type { HealthReport } from '../../../common/health';
import type { ProbeRequest, ProbeResult } from '../../../common/probe';
import { buildApi } from '../../../main/api/app';
import type { ApiDeps, ApiInstance, ApiKey, ApiKeyVerifier } from '../../../main/api/types';
import { Door, type DoorDeps } from '../../../main/door/door';
import type { DoorStation } from '../../../main/door/door-station';
import type { StationService } from '../../../main/station/service';

/** Keys the fake verifier knows. */
export const KEYS = {
  manage: 'k-manage-0123456789',
  manage2: 'k-manage2-0123456789',
  view: 'k-view-0123456789',
  alarm: 'k-alarm-0123456789',
} as const;

/** The Host header a loopback station on port 3000 accepts. */
export const HOST = '127.0.0.1:3000';

/** Headers for a call with the given scope's key (or none). */
export function headers(
  scope?: keyof typeof KEYS,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { host: HOST, ...(scope ? { authorization: `Bearer ${KEYS[scope]}` } : {}), ...extra };
}

/** A verifier that knows KEYS. */
export const fakeKeys: ApiKeyVerifier = {
  verify(presented: string): ApiKey | undefined {
    if (presented === KEYS.manage) return { id: 'key-manage', scope: 'manage' };
    if (presented === KEYS.manage2) return { id: 'key-manage-2', scope: 'manage' };
    if (presented === KEYS.view) return { id: 'key-view', scope: 'view' };
    if (presented === KEYS.alarm) return { id: 'key-alarm', scope: 'alarm', name: 'vas-portal' };
    return undefined;
  },
  list: () => [{ id: 'key-manage' }, { id: 'key-manage-2' }, { id: 'key-view' }, { id: 'key-alarm' }],
};

/** Where the fake station's door is. */
export const DOOR_URL = 'ws://127.0.0.1:3000/janus';

/** A valid `POST /cameras` body (the seed README's example). */
export function cameraInput(overrides: Partial<CameraInput> = {}): CameraInput {
  return {
    camera_id: 'entrance_cam',
    name: 'Entrance Camera',
    rtsp_url: 'rtsp://127.0.0.122/live1s1.sdp',
    username: 'root',
    password: 'G3M13m0b',
    auth_method: 'digest',
    description: 'Main entrance monitoring',
    ...overrides,
  };
}

const AT = '2025-01-01T00:00:00.000Z';

/** An in-memory station: enough behaviour for the routes, no Janus. */
export class FakeStation implements StationService {
  readonly cameras = new Map<string, CameraView>();
  readonly listeners = new Set<(event: StationEvent) => void>();
  readonly restarted: string[] = [];
  /** When set, every method throws it (to test the 500 path). */
  failure: Error | undefined;
  private nextStream = 1;

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private find(cameraId: string): CameraView {
    this.check();
    const camera = this.cameras.get(cameraId);
    if (!camera) throw new VigilError(ErrorCode.CameraNotFound, `No camera ${cameraId}`, 'camera_id');
    return camera;
  }

  listCameras(): CameraView[] {
    this.check();
    return [...this.cameras.values()];
  }

  getCamera(cameraId: string): CameraView {
    return this.find(cameraId);
  }

  addCamera(input: CameraInput): Promise<CameraView> {
    this.check();
    if (this.cameras.has(input.camera_id)) {
      return Promise.reject(new VigilError(ErrorCode.CameraExists, 'Camera exists', 'camera_id'));
    }
    const view: CameraView = {
      camera_id: input.camera_id,
      name: input.name,
      status: 'starting',
      stream_id: this.nextStream++,
      websocket_url: DOOR_URL,
      rtsp_url: input.rtsp_url,
      username: input.username ?? '',
      has_password: input.password !== undefined,
      auth_method: input.auth_method ?? 'digest',
      description: input.description ?? '',
      enabled: input.enabled ?? true,
      audio: false,
      substream_url: input.substream_url ?? null,
      tags: input.tags ?? [],
      health: { state: 'starting', since: AT, reconnects: 0, viewers: 0 },
      created_at: AT,
      updated_at: AT,
    };
    // A careless station would leak this; the response schema must drop it.
    this.cameras.set(input.camera_id, { ...view, password: input.password } as CameraView);
    return Promise.resolve(view);
  }

  updateCamera(cameraId: string, patch: CameraPatch): Promise<CameraView> {
    const camera = this.find(cameraId);
    const { password, skip_probe: _skip, allow_offline: _offline, motion, ...rest } = patch;
    const next = {
      ...camera,
      ...rest,
      ...(motion === undefined ? {} : { motion: motionSettings(motion) }),
      has_password: password !== undefined || camera.has_password,
    };
    this.cameras.set(cameraId, next);
    return Promise.resolve(next);
  }

  removeCamera(cameraId: string): Promise<void> {
    this.find(cameraId);
    this.cameras.delete(cameraId);
    return Promise.resolve();
  }

  restartCamera(cameraId: string): Promise<void> {
    this.find(cameraId);
    this.restarted.push(cameraId);
    return Promise.resolve();
  }

  probe(request: ProbeRequest): Promise<ProbeResult> {
    this.check();
    if (request.rtsp_url.includes('bad')) {
      return Promise.resolve({
        ok: false,
        reason: 'auth_failed',
        message: 'Wrong password',
        field: 'password',
      });
    }
    return Promise.resolve({
      ok: true,
      auth_method: 'digest',
      video: { codec: 'h264', payload_type: 96, clock_rate: 90000, control: 'trackID=1' },
      audio_relayed: false,
      latency_ms: 12,
    });
  }

  health(detailed: boolean): Promise<HealthReport> {
    this.check();
    const summary: HealthReport = {
      status: 'healthy',
      janus_connectivity: 'ok',
      active_cameras: this.cameras.size,
      active_sessions: 1,
    };
    if (!detailed) return Promise.resolve(summary);
    const cameras = [...this.cameras.values()].map((c) => ({ camera_id: c.camera_id, ...c.health }));
    return Promise.resolve({ ...summary, cameras });
  }

  gatewayUrls(): { janus_url: string; websocket_url: string } {
    return { janus_url: DOOR_URL, websocket_url: DOOR_URL };
  }

  onEvent(listener: (event: StationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces an event to every subscriber. */
  emit(event: StationEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The fake station as its Janus door sees it: every camera's mountpoint ready, a pin per stream id. */
export function fakeViewers(station: FakeStation): DoorStation {
  const gatewayEndpoints = (): ReturnType<DoorStation['gatewayEndpoints']> => ({
    urls: {
      http: 'http://127.0.0.1:8088/janus',
      ws: 'ws://127.0.0.1:8188',
      adminHttp: 'http://127.0.0.1:7088/admin',
    },
    secrets: { apiSecret: 'api-secret', adminSecret: 'admin', streamingAdminKey: 'key' },
    origin: 'http://127.0.0.1:3000',
  });
  return {
    stream: (cameraId) => {
      const camera = station.getCamera(cameraId);
      return {
        camera_id: cameraId,
        stream_id: camera.stream_id,
        janus_url: DOOR_URL,
        websocket_url: DOOR_URL,
        plugin: 'janus.plugin.streaming',
        ice_servers: [{ urls: 'stun:stun.example:3478' }],
        stream_info: { id: camera.stream_id, type: 'rtsp', description: camera.name },
      };
    },
    mountpoint: (id) => {
      const camera = [...station.cameras.values()].find((c) => c.stream_id === id);
      return camera && { cameraId: camera.camera_id, pin: `pin-${id}`, enabled: camera.enabled };
    },
    isReady: () => true,
    onReady: () => () => undefined,
    janusUp: true,
    gatewayEndpoints,
    endpointsFor: gatewayEndpoints,
    refusesViewers: () => undefined,
    onEvent: (listener) => station.onEvent(listener),
  };
}

/** A built API over a fake station, with its log lines captured. */
export interface TestApi {
  app: ApiInstance;
  station: FakeStation;
  metrics: Registry;
  logs: string[];
}

/** Builds the API over a fresh fake station (and its door, with `door`'s options); close it with `app.close()`. */
export async function makeApi(
  overrides: Partial<ApiDeps> = {},
  door: Partial<DoorDeps> = {},
): Promise<TestApi> {
  const station = new FakeStation();
  const metrics = new Registry();
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const app = await buildApi({
    station,
    door: new Door({ station: fakeViewers(station), keys: fakeKeys, logger, ...door }),
    keys: fakeKeys,
    logger,
    metrics,
    version: '0.1.0-test',
    bind: { host: '127.0.0.1', port: 3000 },
    ...overrides,
  });
  return { app, station, metrics, logs };
}

/** The parsed JSON of an injected response. */
export function json(response: { body: string }): unknown {
  return JSON.parse(response.body) as unknown;
}

/** Asserts the one error shape and returns its parts. */
export function errorOf(response: { body: string }): { code: string; message: string; field?: string } {
  const body = json(response) as { error?: { code: string; message: string; field?: string } };
  if (!body.error) throw new Error(`not an error body: ${response.body}`);
  const keys = Object.keys(body).join(',');
  const inner = Object.keys(body.error).filter((k) => !['code', 'message', 'field'].includes(k));
  if (keys !== 'error' || inner.length > 0) throw new Error(`extra fields in error body: ${response.body}`);
  return body.error;
}
