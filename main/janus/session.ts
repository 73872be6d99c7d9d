import type { Logger } from 'pino';

import type { Clock } from './clock';
import { TypedEmitter } from './emitter';
import type { AnswerEnvelope, JanusRequest, SessionEnvelope } from './envelope';
import { JanusClosedError, JanusProtocolError, JanusSessionNotFoundError } from './errors';
import type { JanusError } from './errors';
import { JanusHandle } from './handle';
import type { HandleControl, HandleHost } from './handle';
import { Keepalive } from './keepalive';
import { StreamingHandle } from './plugins/streaming';
import type { TransactionOwner } from './transactions';

/** Events of a session. */
export type SessionEvents = {
  /** Every envelope Janus addressed to this session (handle events included). */
  event: [envelope: SessionEnvelope];
  /** Janus destroyed the session for inactivity. */
  timeout: [];
  /** Janus no longer knows the session (e.g. after a restart or a failed claim); rebuild it. */
  lost: [error: JanusSessionNotFoundError];
  /** The session is over, for whatever reason (after `timeout`/`lost`, or `destroy()`). Emitted once. */
  destroyed: [];
};

/** How the connection serves a session (internal). */
export interface SessionHost {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly keepaliveIntervalMs: number;
  request(
    message: JanusRequest,
    options: { owner: TransactionOwner; ackIsFinal: boolean },
  ): Promise<AnswerEnvelope>;
  failPending(match: (owner: TransactionOwner) => boolean, error: () => JanusError): void;
  register(sessionId: number, control: SessionControl): void;
  forget(sessionId: number): void;
  onListenerError(error: unknown): void;
}

/** What the connection drives on a session (internal). */
export interface SessionControl {
  dispatch(envelope: SessionEnvelope): void;
  /** Re-binds the session to a new WebSocket (`claim`). */
  reclaim(): Promise<void>;
  lose(error: JanusSessionNotFoundError): void;
  /** Ends the session locally without telling Janus. */
  end(error: () => JanusError): void;
  /** Destroys the session in Janus, best effort. */
  destroy(): Promise<void>;
}

/** Options of `attach`. */
export interface AttachOptions {
  /** Janus `opaque_id`, to find the handle in the Admin API. */
  opaqueId?: string;
}

/**
 * A Janus session: attaches plugin handles and keeps itself alive.
 * @example
 * const session = await connection.createSession();
 * session.on('lost', () => rebuild());
 * const streaming = await session.attachStreaming({ adminKey });
 */
export class JanusSession extends TypedEmitter<SessionEvents> {
  /** Janus's session id. */
  readonly id: number;
  readonly #host: SessionHost;
  readonly #handles = new Map<number, HandleControl>();
  readonly #keepalive: Keepalive;
  readonly #handleHost: HandleHost;
  #ended = false;

  constructor(host: SessionHost, id: number) {
    super((error) => {
      host.onListenerError(error);
    });
    this.#host = host;
    this.id = id;
    this.#keepalive = new Keepalive({
      intervalMs: host.keepaliveIntervalMs,
      clock: host.clock,
      send: async () => {
        await this.#request({ janus: 'keepalive' }, { ackIsFinal: true });
      },
      onError: (error) => {
        host.logger.debug({ err: error, sessionId: id }, 'keepalive failed');
      },
    });
    this.#handleHost = {
      session: this,
      logger: host.logger,
      request: (message, options) => this.#request(message, options),
      failPending: (handleId, error) => {
        host.failPending((owner) => owner.sessionId === id && owner.handleId === handleId, error);
      },
      register: (handleId, control) => this.#handles.set(handleId, control),
      forget: (handleId) => this.#handles.delete(handleId),
      onListenerError: (error) => {
        host.onListenerError(error);
      },
    };
    host.register(id, {
      dispatch: (envelope) => {
        this.#dispatch(envelope);
      },
      reclaim: async () => {
        await this.#request({ janus: 'claim' }, { ackIsFinal: false });
      },
      lose: (error) => {
        this.#lose(error);
      },
      end: (error) => {
        if (this.#ended) return;
        this.#teardown(error);
        this.#finish();
      },
      destroy: () => this.destroy(),
    });
    this.#keepalive.start();
  }

  /** True once the session is over. */
  get destroyed(): boolean {
    return this.#ended;
  }

  /** Attaches a handle to `plugin` (Janus package name). */
  attach(plugin: string, options: AttachOptions = {}): Promise<JanusHandle> {
    return this.#attach(plugin, options, (host, id) => new JanusHandle(host, id, plugin));
  }

  /** Attaches a Streaming plugin handle; `adminKey` is sent with `create` and `list`. */
  attachStreaming(options: AttachOptions & { adminKey?: string } = {}): Promise<StreamingHandle> {
    return this.#attach(
      StreamingHandle.PLUGIN,
      options,
      (host, id) => new StreamingHandle(host, id, options.adminKey),
    );
  }

  /** Destroys the session in Janus; its pending work fails with JanusClosedError. Idempotent. */
  async destroy(): Promise<void> {
    if (this.#ended) return;
    this.#teardown(() => new JanusClosedError(`Session ${this.id} destroyed`));
    try {
      await this.#host.request({ janus: 'destroy', session_id: this.id }, { owner: {}, ackIsFinal: false });
    } catch (error) {
      if (!(error instanceof JanusSessionNotFoundError)) throw error;
    } finally {
      this.#finish();
    }
  }

  async #attach<H extends JanusHandle>(
    plugin: string,
    options: AttachOptions,
    create: (host: HandleHost, id: number) => H,
  ): Promise<H> {
    const request: JanusRequest = { janus: 'attach', plugin };
    if (options.opaqueId !== undefined) request.opaque_id = options.opaqueId;
    const answer = await this.#request(request, { ackIsFinal: false });
    const id = answer.janus === 'success' ? answer.data?.id : undefined;
    if (typeof id !== 'number') throw new JanusProtocolError('Janus answered attach without a handle id');
    if (this.#ended) throw new JanusClosedError(`Session ${this.id} ended while attaching`);
    this.#host.logger.debug({ sessionId: this.id, handleId: id, plugin }, 'attached');
    return create(this.#handleHost, id);
  }

  #request(
    message: JanusRequest,
    options: { handleId?: number; ackIsFinal: boolean },
  ): Promise<AnswerEnvelope> {
    if (this.#ended) return Promise.reject(new JanusClosedError(`Session ${this.id} is over`));
    const owner: TransactionOwner =
      options.handleId === undefined
        ? { sessionId: this.id }
        : { sessionId: this.id, handleId: options.handleId };
    return this.#host
      .request({ ...message, session_id: this.id }, { owner, ackIsFinal: options.ackIsFinal })
      .catch((error: unknown) => {
        if (error instanceof JanusSessionNotFoundError) this.#lose(error);
        throw error;
      });
  }

  #dispatch(envelope: SessionEnvelope): void {
    if (this.#ended) return;
    this.emit('event', envelope);
    if (envelope.janus === 'timeout') {
      this.#teardown(() => new JanusSessionNotFoundError(`Session ${this.id} timed out in Janus`));
      this.emit('timeout');
      this.#finish();
      return;
    }
    if (envelope.sender !== undefined) this.#handles.get(envelope.sender)?.dispatch(envelope);
  }

  #lose(error: JanusSessionNotFoundError): void {
    if (this.#ended) return;
    this.#host.logger.debug({ sessionId: this.id }, 'session lost');
    this.#teardown(
      () => new JanusSessionNotFoundError(error.message, { janusCode: error.janusCode, cause: error }),
    );
    this.emit('lost', error);
    this.#finish();
  }

  #teardown(error: () => JanusError): void {
    this.#ended = true;
    this.#keepalive.stop();
    this.#host.forget(this.id);
    for (const handle of [...this.#handles.values()]) handle.end(error);
    this.#handles.clear();
    this.#host.failPending((owner) => owner.sessionId === this.id, error);
  }

  #finish(): void {
    this.emit('destroyed');
    this.removeAllListeners();
  }
}
