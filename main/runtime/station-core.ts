// The station core as both hosts run it — `vigil serve` under plain Node and the desktop app inside Electron's
// main process: camera and view stores, API keys, the station on a started gateway, and the REST API
// listening. Each part registers how it stops on the caller's Teardown.
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from 'pino';

import { AlarmBook } from '../alarms/alarm-book';
import { buildApi } from '../api/app';
import { wallCsp, type WallFiles } from '../api/routes/wall';
import type { BrowserSessions } from '../api/browser-sessions';
import type { ApiInstance } from '../api/types';
import type { ApiKeyStore } from '../store/api-keys';
import type { SecretCipher } from '../store/secret-cipher';
import { openStationStores } from '../store/station-stores';
import { followOtherStations, type StartedCluster } from './cluster';
import { isRemoteEvent } from '../station/event-origin';
import { heldCameras } from '../station/placement';
import type { StoreBackendFactory } from '../store/store-backend';
import { Door } from '../door/door';
import { MotionService } from '../motion/motion-service';
import { doorUrl } from '../door/door-url';
import type { Gateway } from '../gateway/gateway';
import { StationEventBus } from '../station/event-bus';
import { Station, type IceServer } from '../station/station';
import { ViewService } from '../station/views';
import { WallRegistry } from '../walls/wall-registry';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { bindUrl, listen } from './api-listen';
import { setupRecording, type RecordingSetup, type StartedRecording } from './recording';
import { registerAlarmMetrics } from './alarm-metrics';
import { registerLogMetrics } from './logging';
import type { StationEvent } from '../../common/events';
import type { Teardown } from './teardown';
import { vigilVersion } from './version';

/** Where and for whom the REST API listens. */
export interface ApiBinding {
  host: string;
  port: number;
  /** Extra Host header values accepted besides the bind address (reverse proxies, `--public-url`). */
  allowedHosts: readonly string[];
  /** Portal origins allowed by CORS (and to open the Janus door). */
  corsOrigins: readonly string[];
  /** How this host's user changes the port (and the address, if they can), named in startup errors. */
  changeWith: { port: string; host?: string | undefined };
  /** Where browsers reach the station (`--public-url`), default `http://HOST:PORT`: the Janus door's URL follows it. */
  publicUrl?: string | undefined;
  /** The host's own page origins that may open the Janus door (the desktop app's `vigil://wall`). */
  pageOrigins?: readonly string[];
}

/** What the station core is built from; the host (CLI or desktop) decides each part. */
export interface StationCoreOptions {
  dataDir: string;
  logger: Logger;
  /** Seals camera passwords: the key file under Node, safeStorage in Electron. */
  cipher: SecretCipher;
  /** The stores' engine: conf under Node (the default), electron-store in Electron. */
  storeBackend?: StoreBackendFactory;
  /**
   * A gateway whose Janus has started; `mode` is read again at stop (the desktop app may have switched). Its
   * `restarted` events, when it has them, make the station reach the restarted Janus at once.
   */
  gateway: Pick<Gateway, 'mode' | 'endpoints'> & Partial<Pick<Gateway, 'onEvent'>>;
  /** STUN/TURN servers handed to viewers (never a public default). */
  iceServers: IceServer[];
  api: ApiBinding;
  /** Browser sign-in sessions (browser mode); the desktop app's windows use IPC instead. */
  sessions?: BrowserSessions | undefined;
  /** The built wall and SDK the API serves. */
  wall: WallFiles;
  /** Log lines the log file dropped so far (`vigil_log_lines_dropped_total`). */
  droppedLogLines?: (() => number) | undefined;
  /** Where recordings go and how many bytes they may take (defaults: <dataDir>/recordings, chosen at first start). */
  recording?: RecordingSetup | undefined;
  /** Cluster mode: shared stores and alarms in NATS, this station's gateway registered and cameras placed. */
  cluster?: StartedCluster | undefined;
}

/** The running core: the station and what the hosts wire around it. */
export interface StationCore {
  station: Station;
  /** The Janus door viewers play through (the desktop app's IPC hands its pages tickets from it). */
  door: Door;
  views: ViewService;
  /** The alarms (motion detection and the desk raise through `alarms.raise`). */
  alarms: AlarmBook;
  /** The named walls connected now (desktop windows register here too). */
  walls: WallRegistry;
  webhooks: WebhookDispatcher;
  keys: ApiKeyStore;
  /** The file holding the manage key when this start created it (first start), else undefined. */
  manageKeyFile: string | undefined;
  api: ApiInstance;
  /** Where the REST API listens, e.g. `http://127.0.0.1:7000`. */
  apiUrl: string;
  /** The wall page's Content-Security-Policy now (it names the current Janus's origins). */
  wallCsp: () => string;
  /** Recording: the recorders, the index, playback and exports, with its folder and quota. */
  recording: StartedRecording;
}

/** Opens the stores, starts the station on the gateway and the REST API; stops are registered on `teardown`. */
export async function startStationCore(
  options: StationCoreOptions,
  teardown: Teardown,
): Promise<StationCore> {
  const { dataDir, logger } = options;
  const { cluster } = options;
  const stores = cluster?.stores ?? (await openStationStores(options));
  // Views announce on the station's bus, so SSE and IPC subscribers hear camera and view changes alike.
  const events = new StationEventBus();
  const views = new ViewService(stores.views, (event) => {
    events.publish(event);
  });
  const { keys } = stores;
  const manageKeyFile = await keys.ensureManageKey();
  const metrics = setupMetrics(options.droppedLogLines);
  const endpoints = options.gateway.endpoints;
  const clusterGateway = await cluster?.startGateway(
    { endpoints, events, metrics, cameras: stores.cameras },
    teardown,
  );
  const station = await Station.start({
    dataDir,
    store: stores.cameras,
    gateway: options.gateway.endpoints,
    viewerUrl: doorUrl(options.api.publicUrl ?? bindUrl(options.api)),
    logger,
    metrics,
    iceServers: options.iceServers,
    events,
    placement: clusterGateway?.placement,
  });
  teardown.add('station', () => station.stop({ removeMountpoints: options.gateway.mode !== 'remote' }));
  forgetRemovedCameras(station, views, logger);
  clusterGateway?.publishHealthFrom(station);
  if (cluster !== undefined) followOtherStations(cluster.stores, station, events, logger);
  // In a cluster, each camera is recorded and watched for motion by the station whose gateway holds it.
  const held = heldCameras(stores.cameras, clusterGateway?.placement);
  const recording = await setupRecording(
    options.recording ?? {},
    dataDir,
    { cameras: held, events, logger },
    teardown,
  );
  options.gateway.onEvent?.((event) => {
    if (event.type === 'restarted') station.gatewayRestarted();
  });
  const { alarms, walls, webhooks } = await startAlarms(options, { station, views, events }, teardown);
  registerAlarmMetrics(metrics, {
    alarmStates: () => alarms.states(),
    pendingDeliveries: () => webhooks.list().reduce((sum, hook) => sum + hook.pending, 0),
  });
  // Stopped before the alarms and the station (teardown runs backwards): motion going on ends on its alarm.
  const motion = MotionService.start({
    store: held,
    station,
    alarms,
    logger: logger.child({ name: 'motion' }),
    metrics,
  });
  teardown.add('motion detection', () => motion.stop());
  const door = new Door({ station: station.viewers, keys, logger });
  const api = await buildApi({
    station,
    door,
    keys,
    logger,
    metrics,
    views,
    recordings: recording.recordings,
    alarms,
    walls,
    webhooks,
    ...(options.sessions === undefined ? {} : { sessions: options.sessions }),
    version: vigilVersion(),
    bind: { host: options.api.host, port: options.api.port },
    allowedHosts: [...options.api.allowedHosts],
    corsOrigins: [...options.api.corsOrigins],
    pageOrigins: [...(options.api.pageOrigins ?? [])],
    wall: options.wall,
    ...(clusterGateway === undefined ? {} : { gateways: clusterGateway.gateways }),
  });
  teardown.add('REST API', () => api.close());
  const apiUrl = await listen(api, options.api);
  logger.info({ url: apiUrl, janus: options.gateway.mode }, 'station listening');
  return {
    station,
    door,
    views,
    alarms,
    walls,
    webhooks,
    keys,
    manageKeyFile,
    api,
    apiUrl,
    wallCsp: () => wallCsp(station.gatewayUrls()),
    recording,
  };
}

/** The alarms, named walls and webhooks on the station's cameras, views and events; stopped on `teardown`. */
async function startAlarms(
  options: StationCoreOptions,
  { station, views, events }: { station: Station; views: ViewService; events: StationEventBus },
  teardown: Teardown,
): Promise<Pick<StationCore, 'alarms' | 'walls' | 'webhooks'>> {
  const { dataDir, logger } = options;
  const hasCamera = (cameraId: string): boolean =>
    station.listCameras().some((camera) => camera.camera_id === cameraId);
  const publish = (event: StationEvent): void => {
    events.publish(event);
  };
  const alarms = await AlarmBook.open({
    dataDir,
    logger: logger.child({ name: 'alarms' }),
    hasCamera,
    publish,
    ...(options.cluster === undefined ? {} : { storage: options.cluster.alarms.storage }),
  });
  teardown.add('alarms', () => alarms.stop());
  const stopEvents = await options.cluster?.alarms.appendEvents((listener) => station.onEvent(listener));
  if (stopEvents !== undefined) {
    teardown.add('cluster events', () => {
      stopEvents();
      return Promise.resolve();
    });
  }
  const walls = new WallRegistry({
    publish,
    hasCamera,
    hasView: (viewId) => views.list().some((view) => view.view_id === viewId),
  });
  const webhooks = await WebhookDispatcher.open({
    dataDir,
    logger: logger.child({ name: 'webhooks' }),
    cipher: options.cipher,
    subscribe: (listener) => station.onEvent(listener),
    ownPort: options.api.port,
    userAgent: `Vigil/${vigilVersion()}`,
  });
  teardown.add('webhooks', () => webhooks.stop());
  return { alarms, walls, webhooks };
}

/** One registry for the process: Node's default metrics, the dropped log lines, the API's and the station's. */
function setupMetrics(droppedLogLines: (() => number) | undefined): Registry {
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  if (droppedLogLines !== undefined) registerLogMetrics(metrics, droppedLogLines);
  return metrics;
}

/** A camera removed here leaves every saved view at once (a failed write is logged; the wall empties its tiles anyway). */
function forgetRemovedCameras(station: Station, views: ViewService, logger: Logger): void {
  station.onEvent((event) => {
    // A camera removed on another station: that station takes it out of the shared views.
    if (event.type !== 'camera.removed' || isRemoteEvent(event)) return;
    views.forgetCamera(event.camera_id).catch((error: unknown) => {
      logger.warn(
        { err: error, camera: event.camera_id },
        'a removed camera could not be taken out of the views',
      );
    });
  });
}
