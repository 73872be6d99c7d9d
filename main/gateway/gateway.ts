/** Where the station's Janus listens, as the station and its Janus door (Node clients) reach it; never viewers. */
export interface GatewayUrls {
  /** Janus API over HTTP, e.g. `http://127.0.0.1:8088/janus`. */
  http: string;
  /** Janus API over WebSocket, e.g. `ws://127.0.0.1:8188/janus`. */
  ws: string;
  /** Admin API over HTTP, e.g. `http://127.0.0.1:7088/admin`. */
  adminHttp: string;
}

/** Secrets that never leave main: the station and its Janus door use them; viewers never see them. */
export interface GatewaySecrets {
  apiSecret?: string | undefined;
  adminSecret: string;
  streamingAdminKey: string;
}

/** Everything the station needs to talk to a Janus, wherever it comes from. */
export interface GatewayEndpoints {
  urls: GatewayUrls;
  secrets: GatewaySecrets;
  /** The `Origin` the station and its door send (Janus's `allow_origin` when it enforces CORS). */
  origin?: string | undefined;
}

/** A source of Janus: a supervised native process, a container, or a remote URL. */
export interface Gateway {
  readonly mode: 'native' | 'remote' | 'container';
  readonly endpoints: GatewayEndpoints;
  /** Starts (or checks) Janus; resolves once it answers. */
  start(): Promise<void>;
  /** Stops what `start` started (nothing for remote); idempotent. */
  stop(): Promise<void>;
  /** Subscribes to process-level events (`exited`, `restarted`, `gave-up`); returns the unsubscribe function. */
  onEvent(listener: (event: GatewayEvent) => void): () => void;
}

/** What a gateway reports about its Janus process. */
export type GatewayEvent =
  | { type: 'exited'; code: number | null; signal: string | null; restartInMs: number }
  | { type: 'restarted'; pid: number; containerId?: string }
  | { type: 'gave-up'; reason: string };
