import type { JanusTransportError } from '../errors';

/** Which kind of link a transport speaks. */
export type TransportKind = 'http' | 'ws';

/** Where a transport reports what happens on its link. */
export interface TransportSink {
  /** One decoded JSON value from Janus (HTTP batches are split by the transport). */
  message(payload: unknown): void;
  /** The link went down; the transport is recovering on its own. */
  down(error: JanusTransportError): void;
  /** The link is back after `down`. */
  up(): void;
  /** The transport gave up recovering (backoff exhausted); it is unusable now. */
  failed(error: JanusTransportError): void;
  /** Janus answered that it has no such session (HTTP long poll 404). */
  sessionGone(sessionId: number): void;
}

/** A link to Janus (Janus API or Admin API) that carries JSON envelopes both ways. */
export interface Transport {
  readonly kind: TransportKind;
  /** True when a link drop loses every answer in flight (WebSocket), so pending requests must fail at once. */
  readonly persistent: boolean;
  /** Opens the link; rejects with JanusTransportError when Janus cannot be reached. */
  open(sink: TransportSink): Promise<void>;
  /** Sends one request; rejects with JanusTransportError when it cannot be delivered. */
  send(message: Record<string, unknown>): Promise<void>;
  /** Starts receiving the events of a session (HTTP long poll; no-op on WebSocket). */
  watch(sessionId: number): void;
  /** Stops receiving the events of a session. */
  unwatch(sessionId: number): void;
  /** While the link is being re-established, tries again now (Janus is known to be back); else nothing. */
  retryNow(): void;
  /** Closes the link and stops every retry; idempotent. */
  close(): Promise<void>;
}

/** WebSocket subprotocols of the Janus API and the Admin API. */
export const WS_PROTOCOL = { api: 'janus-protocol', admin: 'janus-admin-protocol' } as const;

/** Picks the transport kind from a URL's scheme. */
export function transportKindOf(url: string): TransportKind {
  const scheme = new URL(url).protocol;
  if (scheme === 'http:' || scheme === 'https:') return 'http';
  if (scheme === 'ws:' || scheme === 'wss:') return 'ws';
  throw new TypeError(`Unsupported Janus URL scheme '${scheme}' (use http(s):// or ws(s)://)`);
}
