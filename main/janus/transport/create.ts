import type { Logger } from 'pino';

import type { BackoffOptions } from '../../../common/backoff';
import type { Clock } from '../clock';
import { HttpTransport } from './http';
import { transportKindOf, WS_PROTOCOL } from './types';
import type { Transport } from './types';
import { WsTransport } from './ws';

/** What `createTransport` needs. */
export interface CreateTransportOptions {
  url: string;
  /** Janus API (`janus-protocol`) or Admin API (`janus-admin-protocol`). */
  api: keyof typeof WS_PROTOCOL;
  clock: Clock;
  logger: Logger;
  backoff: BackoffOptions;
  /** WebSocket connect timeout. */
  connectTimeoutMs: number;
  /** HTTP `maxev`. */
  longPollMaxEvents: number;
  /** Long-poll credentials (HTTP). */
  apiSecret?: string;
  token?: string;
  /** `Origin` header on every HTTP request and WebSocket handshake. */
  origin?: string | undefined;
}

/** Builds the transport a URL's scheme asks for: http(s) → HttpTransport, ws(s) → WsTransport. */
export function createTransport(options: CreateTransportOptions): Transport {
  const { url, clock, logger, backoff } = options;
  if (transportKindOf(url) === 'http') {
    return new HttpTransport({
      url,
      clock,
      logger,
      backoff,
      longPollMaxEvents: options.longPollMaxEvents,
      apiSecret: options.apiSecret,
      token: options.token,
      origin: options.origin,
    });
  }
  return new WsTransport({
    url,
    protocol: WS_PROTOCOL[options.api],
    clock,
    logger,
    backoff,
    connectTimeoutMs: options.connectTimeoutMs,
    origin: options.origin,
  });
}
