// The working parts a Station coordinates, built and wired once: its Janus link, the health monitor, the
// reconciler (store → mountpoints), the prober, the viewers' side and the metrics. Station keeps the decisions.
import type { GatewayEndpoints } from '../gateway/gateway';
import { backgroundClock, type Clock } from '../janus';
import { followCameraChange, type CameraChangeKind } from './camera-change-elsewhere';
import { CameraProber } from './camera-probe';
import { StationEventBus } from './event-bus';
import { HealthMonitor } from './health-monitor';
import { JanusLink } from './janus-link';
import { MountpointReadiness } from './mountpoint-readiness';
import { followPlacement } from './placement-follower';
import { Reconciler } from './reconciler';
import type { StationJanus } from './station-janus';
import { registerStationMetrics } from './station-metrics';
import { DEFAULT_TIMINGS, type StationOptions, type StationTimings } from './station-options';
import { StationViewers } from './station-viewers';
import type { StoredCamera } from '../store/stored-camera';

/** Follows a camera another station changed in the shared store; `moving` is the station's cameras in motion. */
export type CameraChangeFollower = (
  change: { cameraId: string; kind: CameraChangeKind; previous?: StoredCamera | undefined },
  moving: Set<string>,
) => Promise<void>;

/** What a Station is made of. */
export interface StationParts {
  timings: StationTimings;
  clock: Clock;
  events: StationEventBus;
  janus: StationJanus;
  health: HealthMonitor;
  readiness: MountpointReadiness;
  reconciler: Reconciler;
  prober: CameraProber;
  viewers: StationViewers;
  /** Stops following cluster placement (a no-op for a single station). */
  unfollowPlacement: () => void;
  followChange: CameraChangeFollower;
}

/** Builds a station's parts from its options; `gateway` answers the Janus the station is on now. */
export function buildStationParts(
  options: StationOptions,
  stationId: string,
  gateway: () => GatewayEndpoints,
): StationParts {
  const { store, logger } = options;
  const events = options.events ?? new StationEventBus();
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const clock = options.clock ?? backgroundClock;
  const readiness = new MountpointReadiness();
  const janus = options.janus ?? new JanusLink(options.gateway, logger.child({ name: 'station/janus' }));
  const holds = options.placement && ((cameraId: string) => options.placement?.holds(cameraId) ?? true);
  const health = new HealthMonitor({
    store,
    holds,
    janus,
    clock,
    emit: (event) => {
      events.publish(event);
    },
    logger: logger.child({ name: 'station/health' }),
    thresholds: timings.thresholds,
  });
  const reconciler = new Reconciler({
    stationId,
    store,
    holds,
    janus,
    clock,
    logger: logger.child({ name: 'station/reconciler' }),
    onCreated: (cameraId) => {
      health.started(cameraId);
    },
    onFailed: (cameraId, reason) => {
      health.failed(cameraId, reason);
    },
    onReady: (cameraId) => {
      readiness.markReady(cameraId);
    },
  });
  const viewers = new StationViewers({
    store,
    placement: options.placement,
    readiness,
    janus,
    events,
    gateway,
    viewerUrl: options.viewerUrl,
    iceServers: options.iceServers ?? [],
  });
  registerStationMetrics(options.metrics, {
    cameraStates: () => store.list().map((c) => health.get(c.camera_id).state),
    janusUp: () => janus.isUp,
  });
  const prober = new CameraProber(options.probe, timings.probeTimeoutMs);
  const { placement } = options;
  const unfollowPlacement = placement
    ? followPlacement({
        placement,
        reconciler,
        health,
        readiness,
        events,
        now: () => new Date(clock.now()).toISOString(),
        warn: (error) => {
          logger.warn({ err: error }, 'following placement failed');
        },
      })
    : () => undefined;
  const followChange: CameraChangeFollower = ({ cameraId, kind, previous }, moving) =>
    followCameraChange(
      {
        publish: (event) => {
          events.publish(event);
        },
        reconciler,
        health,
        readiness,
        recordOf: (id) => store.get(id),
        unsealMountpointSecret: (record) => store.unsealMountpointSecret(record),
        forgetMotion: (id) => {
          moving.delete(id);
        },
      },
      cameraId,
      kind,
      previous,
    );
  return {
    timings,
    clock,
    events,
    janus,
    health,
    readiness,
    reconciler,
    prober,
    viewers,
    unfollowPlacement,
    followChange,
  };
}
