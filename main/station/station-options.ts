import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import type { ProbeResult } from '../../common/probe';
import type { GatewayEndpoints } from '../gateway/gateway';
import type { Clock } from '../janus';
import type { ProbeOptions } from '../rtsp/probe';
import type { CameraStore } from '../store/camera-store';
import { DEFAULT_HEALTH_THRESHOLDS, type HealthThresholds } from './camera-health';
import type { StationEventBus } from './event-bus';
import type { StationPlacement } from './placement';
import type { StationJanus } from './station-janus';

/** An ICE server a viewer may use (none by default: never a public STUN server). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** How often the station looks at Janus, and how long a probe may take. */
export interface StationTimings {
  healthIntervalMs: number;
  reconcileIntervalMs: number;
  probeTimeoutMs: number;
  thresholds: HealthThresholds;
}

/** The timings a station runs with unless told otherwise. */
export const DEFAULT_TIMINGS: StationTimings = {
  healthIntervalMs: 1_000,
  reconcileIntervalMs: 15_000,
  probeTimeoutMs: 5_000,
  thresholds: DEFAULT_HEALTH_THRESHOLDS,
};

/** The RTSP probe a station runs before adding or changing a camera. */
export type StationProbe = (options: ProbeOptions) => Promise<ProbeResult>;

/** What a station runs on. */
export interface StationOptions {
  dataDir: string;
  store: CameraStore;
  gateway: GatewayEndpoints;
  /** The WebSocket URL viewers connect to — the station's Janus door, e.g. `ws://127.0.0.1:3000/janus` — never Janus's own. */
  viewerUrl: string;
  logger: Logger;
  metrics: Registry;
  iceServers?: IceServer[];
  timings?: Partial<StationTimings>;
  /** The RTSP probe (tests may pass a slower or scripted one). */
  probe?: StationProbe;
  /** The event bus, when others (saved views) announce on it too; default the station's own. */
  events?: StationEventBus;
  /** The station's Janus; default a JanusLink to `gateway` (unit tests pass a fake). */
  janus?: StationJanus;
  /** Time and timers; default the real clock, whose timers never keep the process alive. */
  clock?: Clock;
  /** Cluster mode: which gateway holds each camera (this station keeps only its own gateway's); none alone. */
  placement?: StationPlacement | undefined;
}
