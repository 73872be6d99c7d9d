import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import type { AlarmService } from '../alarms/service';
import type { Door } from '../door/door';
import type { RecordingService } from '../recording/service';
import type { StationService } from '../station/service';
import type { ViewService } from '../station/views';
import type { WallService } from '../walls/service';
import type { WebhookService } from '../webhooks/service';
import type { GatewayService } from '../cluster/gateway-service';
import type { WallFiles } from './routes/wall';
import type { BrowserSessions } from './browser-sessions';
import type { ServerTimeouts } from './server-timeouts';

/** What a bearer key may do: `view` reads, `manage` does everything, `alarm` raises and reads alarms only. */
export type Scope = 'manage' | 'view' | 'alarm';

/**
 * A verified API key: its id (for logs and rate limits, never the key itself) and its scope; `name` for a
 * stored key (alarms record it as who acted), `desk` for a signed-in browser wall's session.
 */
export interface ApiKey {
  id: string;
  scope: Scope;
  name?: string;
  desk?: true;
}

/** Checks a presented bearer key (main/store/api-keys implements it); `undefined` for an unknown key. */
export interface ApiKeyVerifier {
  verify(presented: string): ApiKey | undefined;
  /** The live keys (the Janus door ends a revoked key's viewer sessions). */
  list(): readonly { id: string }[];
}

/**
 * Who may call a route: anyone (`public`), anyone but a valid key adds detail (`optional`), a key with at
 * least that scope, or alarm keys besides (`alarm`: manage and alarm keys; `alarm-read`: view keys too).
 */
export type Access = 'public' | 'optional' | 'manage' | 'view' | 'alarm' | 'alarm-read';

/** Everything `buildApi` needs; it never listens itself. */
export interface ApiDeps {
  station: StationService;
  /** The Janus door: `/janus` (WebSocket) and the viewer tickets of `/cameras/{id}/stream`. */
  door: Door;
  keys: ApiKeyVerifier;
  logger: Logger;
  metrics: Registry;
  version: string;
  /** Where `serve` will listen; drives the Host header check. */
  bind: { host: string; port: number };
  /** Extra Host header names to accept (with or without a port), e.g. a LAN name. */
  allowedHosts?: string[];
  /** Browser origins allowed to call the API and open the Janus door (none by default). */
  corsOrigins?: string[];
  /** Origins of the host's own pages that may open the Janus door besides the station's (the desktop's `vigil://wall`). */
  pageOrigins?: string[];
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimitBytes?: number;
  /** Mutations (POST/PATCH/DELETE) allowed per key or IP per window (default 120 per minute). */
  mutationRateLimit?: { max: number; timeWindowMs: number };
  /** How often `/events` sends a comment heartbeat (default 15 s). */
  sseHeartbeatMs?: number;
  /** How many `/events` streams one key (or browser session) may hold open at once (default 16). */
  sseStreamsPerKey?: number;
  /** How long the server waits for clients (default SERVER_TIMEOUTS: every wait within 15 s). */
  timeouts?: Partial<ServerTimeouts>;
  /** Recordings served at `/cameras/{id}/recordings`, `/playback` and `/export.mp4` (404 without it). */
  recordings?: RecordingService;
  /** Saved views served at `/views` (the routes are absent without it). */
  views?: ViewService;
  /** Alarms served at `/alarms` (absent without it). */
  alarms?: AlarmService;
  /** Named walls: `/walls`, and `GET /events?wall=NAME` connects one (absent without it). */
  walls?: WallService & WallConnections;
  /** Outgoing webhooks served at `/webhooks` (absent without it). */
  webhooks?: WebhookService;
  /** Cluster mode's gateways at `/gateways`; without it `/gateways` lists the station's own Janus. */
  gateways?: GatewayService | undefined;
  /** Browser sign-in links and session cookies (without it only bearer keys authenticate). */
  sessions?: BrowserSessions;
  /** The built wall served to browsers at `/` and the SDK at `/sdk/` (without it `/` is JSON only). */
  wall?: WallFiles;
}

/** Where `GET /events?wall=NAME` registers a browser wall for as long as its stream is open. */
export interface WallConnections {
  /** Registers a connection of `name`; the returned function ends it. */
  connect(name: string, kind: 'browser' | 'desktop'): () => void;
}

/** The Fastify instance the API builds, typed by TypeBox schemas. */
export type ApiInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  Logger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (default `manage`: a route that forgets to say is closed). */
    access?: Access;
  }
  interface FastifyRequest {
    /** The verified key, once the auth hook has run; `undefined` for anonymous callers. */
    apiKey: ApiKey | undefined;
  }
}
