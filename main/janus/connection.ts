import pino from 'pino';
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { systemClock, type Clock } from './clock';
import { TypedEmitter } from './emitter';
import { CONNECTION_DEFAULTS, type ConnectionOptions } from './options';
import { parseEnvelope } from './envelope';
import type { AnswerEnvelope, JanusInfo, JanusRequest, SessionEnvelope } from './envelope';
import type { JanusError } from './errors';
import {
  JanusClosedError,
  JanusProtocolError,
  JanusSessionNotFoundError,
  JanusTransportError,
} from './errors';
import { JanusSession } from './session';
import type { SessionControl, SessionHost } from './session';
import { sendTracked, TransactionManager } from './transactions';
import type { TransactionOwner } from './transactions';
import { createTransport } from './transport/create';
import { openTransport } from './transport/open';
import type { Transport, TransportKind, TransportSink } from './transport/types';

/** Events of a connection. */
export type ConnectionEvents = {
  /** The link dropped; on WebSocket every pending request has failed with JanusTransportError. */
  disconnected: [error: JanusTransportError];
  /** The link is back (WebSocket: after every live session was claimed). */
  reconnected: [];
  /** The connection is closed: by `close()`, or (with the error) because reconnecting gave up. */
  closed: [error?: JanusTransportError];
};

/**
 * A connection to the Janus API over HTTP or WebSocket: sessions, transactions, reconnects.
 * @example
 * const janus = await JanusConnection.connect({ url: 'ws://127.0.0.1:8188', apiSecret, logger });
 * const session = await janus.createSession();
 * const streaming = await session.attachStreaming({ adminKey });
 * await janus.close();
 */
export class JanusConnection extends TypedEmitter<ConnectionEvents> {
  readonly #link: Transport;
  readonly #options: ConnectionOptions;
  readonly #logger: Logger;
  readonly #timeoutMs: number;
  readonly #transactions: TransactionManager;
  readonly #sessions = new Map<number, SessionControl>();
  readonly #sessionHost: SessionHost;
  #state: 'open' | 'closing' | 'closed' = 'open';
  #closing: Promise<void> | undefined;

  private constructor(link: Transport, options: ConnectionOptions, logger: Logger, clock: Clock) {
    super((error) => {
      logger.error({ err: error }, 'connection listener threw');
    });
    this.#link = link;
    this.#options = options;
    this.#logger = logger;
    this.#timeoutMs = options.requestTimeoutMs ?? CONNECTION_DEFAULTS.requestTimeoutMs;
    this.#transactions = new TransactionManager(clock);
    const sessionLogger = logger.child({ name: 'janus/session' });
    this.#sessionHost = {
      clock,
      logger: sessionLogger,
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? CONNECTION_DEFAULTS.keepaliveIntervalMs,
      request: (message, requestOptions) => this.#request(message, requestOptions),
      failPending: (match, error) => {
        this.#transactions.failWhere(match, error);
      },
      register: (sessionId, control) => {
        this.#sessions.set(sessionId, control);
        this.#link.watch(sessionId);
      },
      forget: (sessionId) => {
        this.#sessions.delete(sessionId);
        this.#link.unwatch(sessionId);
      },
      onListenerError: (error) => {
        sessionLogger.error({ err: error }, 'session or handle listener threw');
      },
    };
  }

  /** Connects to Janus; rejects with JanusTransportError when it cannot be reached (unless `waitForJanus`). */
  static async connect(options: ConnectionOptions): Promise<JanusConnection> {
    const root = options.logger ?? pino({ level: 'silent' });
    const clock = options.clock ?? systemClock;
    const link =
      options.transport ??
      createTransport({
        url: options.url,
        api: 'api',
        clock,
        logger: root.child({ name: 'janus/transport' }),
        backoff: options.reconnect ?? {},
        connectTimeoutMs: options.requestTimeoutMs ?? CONNECTION_DEFAULTS.requestTimeoutMs,
        longPollMaxEvents: options.longPollMaxEvents ?? CONNECTION_DEFAULTS.longPollMaxEvents,
        apiSecret: options.apiSecret,
        token: options.token,
        origin: options.origin,
      });
    const connection = new JanusConnection(link, options, root.child({ name: 'janus/connection' }), clock);
    await openTransport(link, connection.#sink(), options, clock);
    connection.#logger.debug({ transport: link.kind }, 'connected');
    return connection;
  }

  /** `http` or `ws`. */
  get transport(): TransportKind {
    return this.#link.kind;
  }

  /** Janus's `info`: version, plugins, transports, session timeout… */
  async info(): Promise<JanusInfo> {
    const answer = await this.#request({ janus: 'info' }, { owner: {}, ackIsFinal: false });
    if (answer.janus !== 'server_info')
      throw new JanusProtocolError(`Janus answered '${answer.janus}' to info`);
    const { janus: _janus, transaction: _transaction, ...info } = answer;
    return info;
  }

  /** Creates a session (kept alive until destroyed, lost or the connection closes). */
  async createSession(): Promise<JanusSession> {
    const answer = await this.#request({ janus: 'create' }, { owner: {}, ackIsFinal: false });
    const id = answer.janus === 'success' ? answer.data?.id : undefined;
    if (typeof id !== 'number') throw new JanusProtocolError('Janus answered create without a session id');
    if (this.#state !== 'open') throw new JanusClosedError('Connection closed while creating a session');
    this.#logger.debug({ sessionId: id }, 'session created');
    return new JanusSession(this.#sessionHost, id);
  }

  /** Janus is known to be back (its supervisor restarted it): a reconnect waiting for its time happens now. */
  retryNow(): void {
    this.#link.retryNow();
  }

  /** Destroys every session (best effort), fails pending work with JanusClosedError, stops timers. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown(undefined);
    return this.#closing;
  }

  async #shutdown(error: JanusTransportError | undefined): Promise<void> {
    this.#state = 'closing';
    const closed = (): JanusError => new JanusClosedError('Janus connection closed');
    this.#transactions.failWhere((owner) => owner.sessionId === undefined, closed);
    const sessions = [...this.#sessions.values()];
    if (error === undefined) {
      await Promise.allSettled(sessions.map((session) => session.destroy()));
    } else {
      for (const session of sessions)
        session.end(() => new JanusTransportError(error.message, { cause: error }));
    }
    this.#transactions.failAll(closed);
    await this.#link.close();
    this.#state = 'closed';
    this.#logger.debug('closed');
    this.emit('closed', error);
    this.removeAllListeners();
  }

  #request(
    message: JanusRequest,
    options: { owner: TransactionOwner; ackIsFinal: boolean },
  ): Promise<AnswerEnvelope> {
    const internal = options.owner.sessionId !== undefined || message.janus === 'destroy';
    if (this.#state === 'closed' || (this.#state === 'closing' && !internal)) {
      return Promise.reject(new JanusClosedError('Janus connection closed'));
    }
    const { id, promise } = this.#transactions.start({
      owner: options.owner,
      request: message.janus,
      ackIsFinal: options.ackIsFinal,
      timeoutMs: this.#timeoutMs,
    });
    const full: Record<string, unknown> = { ...message, transaction: id };
    if (this.#options.apiSecret !== undefined) full.apisecret = this.#options.apiSecret;
    if (this.#options.token !== undefined) full.token = this.#options.token;
    this.#logger.debug(
      { janus: message.janus, transaction: id, sessionId: message.session_id, handleId: message.handle_id },
      'request',
    );
    sendTracked((m) => this.#link.send(m), full, this.#transactions, id);
    return promise;
  }

  #sink(): TransportSink {
    return {
      message: (payload) => {
        this.#dispatch(payload);
      },
      down: (error) => {
        this.#onDown(error);
      },
      up: () => {
        this.#onUp();
      },
      failed: (error) => {
        this.#logger.debug({ err: error }, 'transport gave up');
        this.#closing ??= this.#shutdown(error);
      },
      sessionGone: (sessionId) => {
        this.#sessions
          .get(sessionId)
          ?.lose(new JanusSessionNotFoundError(`Janus has no session ${sessionId}`));
      },
    };
  }

  #dispatch(payload: unknown): void {
    const envelope = parseEnvelope(payload);
    if (envelope === undefined) {
      this.#logger.debug('ignoring a message that is not a Janus envelope');
      return;
    }
    switch (envelope.janus) {
      case 'success':
      case 'error':
      case 'ack':
      case 'server_info':
      case 'pong':
        if (!this.#transactions.settle(envelope)) {
          this.#logger.debug(
            { janus: envelope.janus, transaction: envelope.transaction },
            'unknown transaction',
          );
        }
        return;
      case 'event':
        this.#transactions.settle(envelope);
        this.#route(envelope);
        return;
      case 'webrtcup':
      case 'media':
      case 'slowlink':
      case 'hangup':
      case 'detached':
      case 'timeout':
      case 'trickle':
        this.#route(envelope);
        return;
      case 'keepalive':
        return;
      default:
        this.#unexpected(envelope);
    }
  }

  #route(envelope: SessionEnvelope): void {
    const session = envelope.session_id === undefined ? undefined : this.#sessions.get(envelope.session_id);
    if (session === undefined) {
      this.#logger.debug(
        { janus: envelope.janus, sessionId: envelope.session_id },
        'event for no live session',
      );
      return;
    }
    session.dispatch(envelope);
  }

  #unexpected(envelope: never): void {
    this.#logger.debug({ envelope }, 'unexpected envelope');
  }

  #onDown(error: JanusTransportError): void {
    if (this.#state !== 'open') return;
    this.#logger.debug({ err: error }, 'disconnected');
    if (this.#link.persistent) {
      this.#transactions.failAll(() => new JanusTransportError(error.message, { cause: error }));
    }
    this.emit('disconnected', error);
  }

  #onUp(): void {
    if (this.#state !== 'open') return;
    if (!this.#link.persistent) {
      this.emit('reconnected');
      return;
    }
    const sessions = [...this.#sessions.entries()];
    runInBackground(
      Promise.allSettled(sessions.map(([, session]) => session.reclaim())).then((results) => {
        results.forEach((result, index) => {
          if (result.status === 'rejected') {
            this.#logger.debug(
              { err: result.reason as unknown, sessionId: sessions[index]?.[0] },
              'claim failed',
            );
          }
        });
        if (this.#state === 'open') this.emit('reconnected');
      }),
      (error: unknown) => {
        this.#logger.error({ err: error }, 'reclaiming sessions failed');
      },
    );
  }
}
