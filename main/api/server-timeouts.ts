// How long the API's server waits for a client. Every wait ends within 15 s, so idle and half-sent connections
// (slowloris) cannot pile up: headers must arrive within 10 s of connecting (or of the previous answer), a whole
// request within 14 s, and a kept-alive connection with no next request closes after 10 s. Node checks these
// every second (its default is every 30 s). None of them touches a request already received: `/events` streams and
// WebSocket upgrades (the Janus door) live on as long as their clients do; no socket idle timeout is set for that
// reason (an SSE stream is quiet between heartbeats, a WebSocket between frames).
import type { ServerOptions } from 'node:http';

/** The server's waits, in milliseconds. */
export interface ServerTimeouts {
  /** From connecting (or the previous answer) to the end of the request headers. */
  headersMs: number;
  /** From the start of a request to its last body byte (Node's `requestTimeout`). */
  requestMs: number;
  /** A kept-alive connection waiting for its next request. */
  keepAliveMs: number;
  /** How often Node looks for connections past `headersMs` and `requestMs`. */
  checkEveryMs: number;
}

/** The station's waits: all within 15 s. */
export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 14_000,
  keepAliveMs: 10_000,
  checkEveryMs: 1_000,
};

/** The Fastify options that apply `timeouts` (any left out take SERVER_TIMEOUTS's). */
export function serverTimeoutOptions(timeouts: Partial<ServerTimeouts> = {}): {
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionTimeout: number;
  http: ServerOptions;
} {
  const { headersMs, requestMs, keepAliveMs, checkEveryMs } = { ...SERVER_TIMEOUTS, ...timeouts };
  return {
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    // No socket idle timeout: it would cut quiet /events streams and door WebSockets.
    connectionTimeout: 0,
    http: { headersTimeout: headersMs, requestTimeout: requestMs, connectionsCheckingInterval: checkEveryMs },
  };
}
