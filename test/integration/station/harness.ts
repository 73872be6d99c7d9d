import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';

import { buildApi } from '../../../main/api/app';
import type { ApiInstance } from '../../../main/api/types';
import { Door } from '../../../main/door/door';
import { doorUrl } from '../../../main/door/door-url';
import type { DoorLimits } from '../../../main/door/limits';
import { openApiKeyStore } from '../../../main/store/api-keys';
import { openCameraStore } from '../../../main/store/camera-store';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { createNativeGateway, type NativeGateway } from '../../../main/gateway/native-janus';
import { createRootLogger } from '../../../main/base/log';
import type { StationPlacement } from '../../../main/station/placement';
import { Station, type StationTimings } from '../../../main/station/station';
import type { Lab } from '../../lab';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePort, freePorts } from '../../lab/ports';
import { labCamera } from '../janus/connect';

/** A real station, its real REST API and Janus door, listening on 127.0.0.1, on the lab's Janus. */
export interface RunningStation {
  station: Station;
  door: Door;
  api: ApiInstance;
  baseUrl: string;
  /** The door's WebSocket URL (`ws://127.0.0.1:PORT/janus`). */
  doorUrl: string;
  dataDir: string;
  logFile: string;
  manageKey: string;
  viewKey: string;
  /** Fetches `path` on the API with the manage key (or `key`) and JSON body. */
  call(path: string, init?: { method?: string; body?: unknown; key?: string | null }): Promise<Response>;
  /** Stops the API and the station; the data dir stays for a restart. */
  stop(options?: { removeMountpoints?: boolean }): Promise<void>;
}

/** The lab's Janus as the station's gateway. */
export function labGateway(lab: Lab): GatewayEndpoints {
  return {
    urls: { http: lab.janus.http_url, ws: lab.janus.ws_url, adminHttp: lab.janus.admin_url },
    secrets: {
      apiSecret: lab.janus.api_secret,
      adminSecret: lab.janus.admin_secret,
      streamingAdminKey: lab.janus.streaming_admin_key,
    },
    origin: lab.janus.allow_origin,
  };
}

/** Fast timings for tests: health every 250 ms, reconcile every 2 s. */
export const TEST_TIMINGS: Partial<StationTimings> = { healthIntervalMs: 250, reconcileIntervalMs: 2_000 };

/** A fresh data dir. */
export function freshDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vigil-station-'));
}

/** What else a test station may be given: a cluster placement, origins of pages allowed to call it. */
export interface StationExtras {
  placement?: StationPlacement;
  corsOrigins?: string[];
}

/**
 * Starts a station + API + door on `gateway` and `dataDir` (keys created there), logging to
 * `<dataDir>/station.log`; `door` overrides the door's limits.
 */
export async function startStation(
  gateway: GatewayEndpoints,
  dataDir: string,
  door: Partial<DoorLimits> = {},
  extras: StationExtras = {},
): Promise<RunningStation> {
  const logFile = join(dataDir, 'station.log');
  const logger = createRootLogger(
    { level: 'debug' },
    pino.destination({ dest: logFile, sync: true, mkdir: true }),
  );
  const cipher = await createKeyFileCipher(dataDir);
  const store = await openCameraStore({ dataDir, cipher, logger });
  const keys = openApiKeyStore(dataDir);
  const manageKey = (await keys.create('tests', 'manage')).key;
  const viewKey = (await keys.create('wall', 'view')).key;
  const metrics = new Registry();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const viewerUrl = doorUrl(baseUrl);
  const station = await Station.start({
    dataDir,
    store,
    gateway,
    viewerUrl,
    logger,
    metrics,
    timings: TEST_TIMINGS,
    placement: extras.placement,
  });
  const theDoor = new Door({ station: station.viewers, keys, logger, limits: door });
  const api = await buildApi({
    station,
    door: theDoor,
    keys,
    logger,
    metrics,
    version: 'test',
    bind: { host: '127.0.0.1', port },
    mutationRateLimit: { max: 10_000, timeWindowMs: 60_000 },
    ...(extras.corsOrigins === undefined ? {} : { corsOrigins: extras.corsOrigins }),
  });
  await api.listen({ host: '127.0.0.1', port });
  const address = baseUrl;
  const call: RunningStation['call'] = (path, init = {}) => {
    const key = init.key === undefined ? manageKey : init.key;
    return fetch(`${address}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  };
  return {
    station,
    door: theDoor,
    api,
    baseUrl: address,
    doorUrl: viewerUrl,
    dataDir,
    logFile,
    manageKey,
    viewKey,
    call,
    stop: async (options) => {
      await api.close();
      await station.stop(options);
      logger.flush();
    },
  };
}

/** Removes a data dir. */
export function removeDataDir(dataDir: string): Promise<void> {
  return rm(dataDir, { recursive: true, force: true });
}

/** Adds one lab camera per id (camera i uses the lab's camera i), each expected 201; resolves to the stream ids, sorted. */
export async function addLabCameras(
  running: RunningStation,
  lab: Lab,
  ids: readonly string[],
): Promise<number[]> {
  for (const [index, id] of ids.entries()) {
    const camera = labCamera(lab, index);
    const body = {
      camera_id: id,
      name: id,
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
    };
    const response = await running.call('/cameras', { method: 'POST', body });
    if (response.status !== 201)
      throw new Error(`adding ${id} answered ${response.status}: ${await response.text()}`);
  }
  const cameras = (await (await running.call('/cameras')).json()) as { stream_id: number }[];
  return cameras.map((c) => c.stream_id).sort((a, b) => a - b);
}

/**
 * A second bundled Janus in the lab (free API ports, its own RTP ranges, ICE on the lab interface), for tests
 * that move the station onto it.
 */
export async function labNativeGateway(dataDir: string, logger: Logger): Promise<NativeGateway> {
  return createNativeGateway({
    dataDir,
    origin: 'http://127.0.0.1:3000',
    logger,
    ports: await freePorts(['http', 'ws', 'adminHttp'] as const),
    iceInterface: LAB_ICE_ADDRESS,
    iceEnforceList: LAB_ICE_INTERFACE,
    mediaRtpPortRange: { min: 35000, max: 35999 },
    streamingRtpPortRange: { min: 36000, max: 36999 },
  });
}
