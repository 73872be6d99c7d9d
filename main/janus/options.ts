import type { Logger } from 'pino';

import type { BackoffOptions } from '../../common/backoff';
import type { Clock } from './clock';
import type { Transport } from './transport/types';

/** Defaults of the optional settings. */
export const CONNECTION_DEFAULTS = {
  requestTimeoutMs: 10_000,
  keepaliveIntervalMs: 25_000,
  longPollMaxEvents: 10,
} as const;

/** How `connect` behaves while Janus cannot be reached. */
export interface WaitOptions {
  /**
   * Keep trying while Janus cannot be reached — the first attempt at once, then on the `reconnect` schedule —
   * instead of rejecting with JanusTransportError; default false.
   */
  waitForJanus?: boolean;
  /** Ends a waiting `connect` early: it rejects with JanusClosedError. */
  signal?: AbortSignal;
  /** Told after each failed attempt of a waiting `connect`, with the delay before the next one. */
  onRetry?: (error: unknown, retryInMs: number) => void;
}

/** Options of `JanusConnection.connect`. */
export interface ConnectionOptions extends WaitOptions {
  /** `http(s)://…/janus` (POST + long poll) or `ws(s)://…` (subprotocol `janus-protocol`). */
  url: string;
  /** Janus `api_secret`, added to every request. */
  apiSecret?: string;
  /** Stored token (Admin API `add_token`), added to every request. */
  token?: string;
  /** `Origin` header to send: Janus with `enforce_cors` refuses requests and handshakes without its `allow_origin`. */
  origin?: string;
  /** Per request; default 10 000 ms. */
  requestTimeoutMs?: number;
  /** Per session; default 25 000 ms. */
  keepaliveIntervalMs?: number;
  /** HTTP `maxev`; default 10. */
  longPollMaxEvents?: number;
  /** Retry pacing for reconnects, failed HTTP long polls and `waitForJanus`; default 250 → 10 000 ms, forever. */
  reconnect?: BackoffOptions;
  /** Parent logger; the client logs through `janus/…` children at debug. */
  logger?: Logger;
  /** Timers and randomness (tests). */
  clock?: Clock;
  /** A ready transport instead of one built from `url` (tests, custom links). */
  transport?: Transport;
}

/** Options of `JanusAdmin.connect`. */
export interface AdminOptions extends WaitOptions {
  /** `http(s)://…/admin` or `ws(s)://…` (subprotocol `janus-admin-protocol`). */
  url: string;
  /** Janus `admin_secret`, added to every admin request. */
  adminSecret?: string;
  /** `Origin` header to send (see ConnectionOptions.origin). */
  origin?: string;
  /** Per request; default 10 000 ms. */
  requestTimeoutMs?: number;
  /** Retry pacing for WebSocket reconnects and `waitForJanus`. */
  reconnect?: BackoffOptions;
  logger?: Logger;
  clock?: Clock;
  /** A ready transport instead of one built from `url` (tests). */
  transport?: Transport;
}
