import pino from 'pino';
import type { Logger } from 'pino';

import { systemClock } from './clock';
import type { Clock } from './clock';
import { parseEnvelope } from './envelope';
import { CONNECTION_DEFAULTS } from './options';
import type { AdminOptions } from './options';
import type { AnswerEnvelope, JanusInfo, JanusRequest, SuccessEnvelope } from './envelope';
import {
  JanusClosedError,
  JanusPluginError,
  JanusProtocolError,
  JanusTransportError,
  StreamingError,
} from './errors';
import { StreamingHandle } from './plugins/streaming';
import { sendTracked, TransactionManager } from './transactions';
import { createTransport } from './transport/create';
import { openTransport } from './transport/open';
import type { Transport, TransportSink } from './transport/types';

/** One stored token and the plugins it may use. */
export interface AdminToken {
  token: string;
  allowed_plugins: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function success(answer: AnswerEnvelope, request: string): SuccessEnvelope {
  if (answer.janus !== 'success')
    throw new JanusProtocolError(`Janus answered '${answer.janus}' to ${request}`);
  return answer;
}

function numbers(value: unknown, what: string): number[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number')) {
    throw new JanusProtocolError(`Admin answer has no ${what} list`);
  }
  return value;
}

/**
 * The Janus Admin API: sessions, handles, stored tokens, plugin admin messages, log level.
 * Requests carry `admin_secret` (never `apisecret`).
 * @example
 * const admin = await JanusAdmin.connect({ url: 'http://127.0.0.1:7088/admin', adminSecret });
 * await admin.addToken(token, ['janus.plugin.streaming']);
 * await admin.close();
 */
export class JanusAdmin {
  readonly #link: Transport;
  readonly #options: AdminOptions;
  readonly #logger: Logger;
  readonly #transactions: TransactionManager;
  #closed = false;

  private constructor(link: Transport, options: AdminOptions, logger: Logger, clock: Clock) {
    this.#link = link;
    this.#options = options;
    this.#logger = logger;
    this.#transactions = new TransactionManager(clock);
  }

  /** Connects to the Admin API; rejects with JanusTransportError when it cannot be reached (unless `waitForJanus`). */
  static async connect(options: AdminOptions): Promise<JanusAdmin> {
    const root = options.logger ?? pino({ level: 'silent' });
    const clock = options.clock ?? systemClock;
    const logger = root.child({ name: 'janus/admin' });
    const link =
      options.transport ??
      createTransport({
        url: options.url,
        api: 'admin',
        clock,
        logger,
        backoff: options.reconnect ?? {},
        connectTimeoutMs: options.requestTimeoutMs ?? CONNECTION_DEFAULTS.requestTimeoutMs,
        longPollMaxEvents: 1,
        origin: options.origin,
      });
    const admin = new JanusAdmin(link, options, logger, clock);
    await openTransport(link, admin.#sink(), options, clock);
    return admin;
  }

  /** Janus's `info`. */
  async info(): Promise<JanusInfo> {
    const answer = await this.#request({ janus: 'info' });
    if (answer.janus !== 'server_info')
      throw new JanusProtocolError(`Janus answered '${answer.janus}' to info`);
    const { janus: _janus, transaction: _transaction, ...info } = answer;
    return info;
  }

  /** Round trip (`ping` → `pong`). */
  async ping(): Promise<void> {
    const answer = await this.#request({ janus: 'ping' });
    if (answer.janus !== 'pong') throw new JanusProtocolError(`Janus answered '${answer.janus}' to ping`);
  }

  /** Ids of every session. */
  async listSessions(): Promise<number[]> {
    return numbers(
      success(await this.#request({ janus: 'list_sessions' }), 'list_sessions').sessions,
      'sessions',
    );
  }

  /** Ids of the handles of a session. */
  async listHandles(sessionId: number): Promise<number[]> {
    const answer = success(
      await this.#request({ janus: 'list_handles', session_id: sessionId }),
      'list_handles',
    );
    return numbers(answer.handles, 'handles');
  }

  /** Janus's detailed view of one handle (ICE, DTLS, plugin state…). */
  async handleInfo(sessionId: number, handleId: number): Promise<Record<string, unknown>> {
    const request = { janus: 'handle_info', session_id: sessionId, handle_id: handleId };
    const answer = success(await this.#request(request), 'handle_info');
    if (!isRecord(answer.info)) throw new JanusProtocolError('Admin handle_info answer has no info');
    return answer.info;
  }

  /** Adds a stored token, allowed on `plugins` (all plugins when omitted); resolves with its plugins. */
  async addToken(token: string, plugins?: string[]): Promise<string[]> {
    const request: JanusRequest =
      plugins === undefined ? { janus: 'add_token', token } : { janus: 'add_token', token, plugins };
    const answer = success(await this.#request(request), 'add_token');
    const allowed = isRecord(answer.data) ? answer.data.plugins : undefined;
    if (!Array.isArray(allowed)) throw new JanusProtocolError('Admin add_token answer has no plugins');
    return allowed.filter((plugin): plugin is string => typeof plugin === 'string');
  }

  /** Every stored token. */
  async listTokens(): Promise<AdminToken[]> {
    const answer = success(await this.#request({ janus: 'list_tokens' }), 'list_tokens');
    const tokens = isRecord(answer.data) ? answer.data.tokens : undefined;
    if (!Array.isArray(tokens)) throw new JanusProtocolError('Admin list_tokens answer has no tokens');
    return tokens as AdminToken[];
  }

  /** Removes a stored token. */
  async removeToken(token: string): Promise<void> {
    success(await this.#request({ janus: 'remove_token', token }), 'remove_token');
  }

  /** Sends a plugin's admin request (e.g. Streaming `create`); an `error_code` answer rejects. */
  async messagePlugin(plugin: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = success(
      await this.#request({ janus: 'message_plugin', plugin, request }),
      'message_plugin',
    );
    const response = isRecord(answer.response) ? answer.response : {};
    if (typeof response.error_code === 'number') {
      const message =
        typeof response.error === 'string' ? response.error : `Plugin error ${response.error_code}`;
      throw plugin === StreamingHandle.PLUGIN
        ? new StreamingError(response.error_code, message)
        : new JanusPluginError(plugin, message, { janusCode: response.error_code });
    }
    return response;
  }

  /** Sets Janus's log level (0–7); resolves with the level now in force. */
  async setLogLevel(level: number): Promise<number> {
    const answer = success(await this.#request({ janus: 'set_log_level', level }), 'set_log_level');
    if (typeof answer.level !== 'number')
      throw new JanusProtocolError('Admin set_log_level answer has no level');
    return answer.level;
  }

  /** Fails pending requests with JanusClosedError and closes the link. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#transactions.failAll(() => new JanusClosedError('Janus admin connection closed'));
    await this.#link.close();
  }

  #request(message: JanusRequest): Promise<AnswerEnvelope> {
    if (this.#closed) return Promise.reject(new JanusClosedError('Janus admin connection closed'));
    const { id, promise } = this.#transactions.start({
      owner: {},
      request: message.janus,
      ackIsFinal: false,
      timeoutMs: this.#options.requestTimeoutMs ?? CONNECTION_DEFAULTS.requestTimeoutMs,
    });
    const full: Record<string, unknown> = { ...message, transaction: id };
    if (this.#options.adminSecret !== undefined) full.admin_secret = this.#options.adminSecret;
    this.#logger.debug({ janus: message.janus, transaction: id }, 'admin request');
    sendTracked((m) => this.#link.send(m), full, this.#transactions, id);
    return promise;
  }

  #sink(): TransportSink {
    const lost = (error: JanusTransportError): void => {
      this.#transactions.failAll(() => new JanusTransportError(error.message, { cause: error }));
    };
    return {
      message: (payload) => {
        const envelope = parseEnvelope(payload);
        if (envelope === undefined || !this.#transactions.settle(envelope)) {
          this.#logger.debug('ignoring an admin message that answers no pending request');
        }
      },
      down: (error) => {
        if (this.#link.persistent) lost(error);
      },
      up: () => {
        this.#logger.debug('admin link back');
      },
      failed: (error) => {
        lost(error);
        this.#closed = true;
      },
      sessionGone: () => {
        // The admin link watches no session.
      },
    };
  }
}
