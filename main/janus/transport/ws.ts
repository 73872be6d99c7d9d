import type { Logger } from 'pino';
import { WebSocket } from 'undici';

import { Backoff } from '../../../common/backoff';
import type { BackoffOptions } from '../../../common/backoff';
import type { Clock } from '../clock';
import { JanusTransportError } from '../errors';
import { Reconnector } from '../reconnect';
import type { Transport, TransportSink } from './types';

/** Callbacks a socket reports to (a failed connect reports `close` without `open`). */
export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number, reason: string): void;
}

/** The part of a WebSocket the transport uses. */
export interface SocketLike {
  readonly isOpen: boolean;
  send(data: string): void;
  close(code: number, reason: string): void;
}

/** Opens a socket with one subprotocol (and an `Origin` header when given). Injectable for tests. */
export type SocketFactory = (
  url: string,
  protocol: string,
  handlers: SocketHandlers,
  origin?: string,
) => SocketLike;

/** The default socket: undici's WebSocket. */
export const undiciSocketFactory: SocketFactory = (url, protocol, handlers, origin) => {
  const socket = new WebSocket(url, {
    protocols: [protocol],
    ...(origin === undefined ? {} : { headers: { origin } }),
  });
  socket.addEventListener('open', () => {
    handlers.open();
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  });
  socket.addEventListener('close', (event) => {
    handlers.close(event.code, event.reason);
  });
  return {
    get isOpen() {
      return socket.readyState === WebSocket.OPEN;
    },
    send: (data) => {
      socket.send(data);
    },
    close: (code, reason) => {
      socket.close(code, reason);
    },
  };
};

/** Options of the WebSocket transport. */
export interface WsTransportOptions {
  url: string;
  /** `janus-protocol` or `janus-admin-protocol`. */
  protocol: string;
  clock: Clock;
  logger: Logger;
  backoff: BackoffOptions;
  /** How long one connect attempt may take. */
  connectTimeoutMs: number;
  /** `Origin` header of the handshake: a Janus with `enforce_cors` refuses handshakes without the right one. */
  origin?: string | undefined;
  socketFactory?: SocketFactory;
}

/**
 * Janus over one WebSocket; when it drops, reports `down` and reconnects on a backoff schedule.
 * @example
 * const transport = new WsTransport({ url: 'ws://127.0.0.1:8188', protocol: 'janus-protocol', clock: systemClock, logger, backoff: {}, connectTimeoutMs: 10_000 });
 */
export class WsTransport implements Transport {
  readonly kind = 'ws';
  readonly persistent = true;
  readonly #options: WsTransportOptions;
  readonly #factory: SocketFactory;
  readonly #reconnector: Reconnector;
  #socket: SocketLike | undefined;
  #sink: TransportSink | undefined;
  #closed = false;

  constructor(options: WsTransportOptions) {
    this.#options = options;
    this.#factory = options.socketFactory ?? undiciSocketFactory;
    this.#reconnector = new Reconnector({
      backoff: new Backoff(options.backoff, () => options.clock.random()),
      clock: options.clock,
      attempt: async () => {
        await this.#connect();
        this.#sink?.up();
      },
      onAttemptFailed: (error, attempt) => {
        options.logger.debug({ err: error, attempt }, 'WebSocket reconnect attempt failed');
      },
      onGiveUp: (error) => {
        this.#sink?.failed(
          error instanceof JanusTransportError
            ? error
            : new JanusTransportError('WebSocket reconnect gave up'),
        );
      },
    });
  }

  /** Connects once; rejects with JanusTransportError when the handshake fails. */
  open(sink: TransportSink): Promise<void> {
    this.#sink = sink;
    return this.#connect();
  }

  /** Sends one frame; rejects at once while the socket is not open. */
  send(message: Record<string, unknown>): Promise<void> {
    const socket = this.#socket;
    if (socket?.isOpen !== true) return Promise.reject(new JanusTransportError('Not connected to Janus'));
    try {
      socket.send(JSON.stringify(message));
    } catch (error) {
      return Promise.reject(new JanusTransportError('WebSocket send failed', { cause: error }));
    }
    return Promise.resolve();
  }

  /** WebSocket sessions need no poll. */
  watch(): void {
    // Janus pushes every event of the session on this socket.
  }

  /** WebSocket sessions need no poll. */
  unwatch(): void {
    // Nothing to stop: see watch().
  }

  /** Reconnects now if a reconnect is waiting for its time. */
  retryNow(): void {
    this.#reconnector.retryNow();
  }

  /** Closes the socket and stops reconnecting. */
  close(): Promise<void> {
    this.#closed = true;
    this.#reconnector.stop();
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.close(1000, 'client closed');
    return Promise.resolve();
  }

  #connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new JanusTransportError('WebSocket transport is closed'));
        return;
      }
      let opened = false;
      let socket: SocketLike | undefined;
      const cancelTimeout = this.#options.clock.setTimeout(() => {
        socket?.close(1000, 'connect timeout');
        reject(
          new JanusTransportError(`WebSocket connect timed out after ${this.#options.connectTimeoutMs} ms`),
        );
      }, this.#options.connectTimeoutMs);
      const handlers: SocketHandlers = {
        open: () => {
          cancelTimeout();
          if (socket === undefined) return;
          if (this.#closed) {
            socket.close(1000, 'client closed');
            reject(new JanusTransportError('WebSocket transport is closed'));
            return;
          }
          opened = true;
          this.#socket = socket;
          resolve();
        },
        message: (data) => {
          if (socket === this.#socket) this.#deliver(data);
        },
        close: (code, reason) => {
          cancelTimeout();
          if (!opened) {
            reject(new JanusTransportError(`WebSocket to Janus failed (close code ${code})`));
            return;
          }
          if (socket !== this.#socket) return;
          this.#socket = undefined;
          if (this.#closed) return;
          const detail = reason === '' ? `code ${code}` : `code ${code}: ${reason}`;
          this.#sink?.down(new JanusTransportError(`WebSocket to Janus closed (${detail})`));
          this.#reconnector.start();
        },
      };
      try {
        socket = this.#factory(this.#options.url, this.#options.protocol, handlers, this.#options.origin);
      } catch (error) {
        cancelTimeout();
        reject(new JanusTransportError('Cannot open a WebSocket to Janus', { cause: error }));
      }
    });
  }

  #deliver(data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data) as unknown;
    } catch (error) {
      this.#options.logger.debug({ err: error }, 'ignoring a non-JSON WebSocket frame');
      return;
    }
    this.#sink?.message(payload);
  }
}
