import { JanusTransportError } from '../../../main/janus/errors';
import type { Transport, TransportKind, TransportSink } from '../../../main/janus/transport/types';

/** A request as the client sent it. */
export type Sent = Record<string, unknown> & { janus: string; transaction: string };

/** Answers a request synchronously (like Janus over HTTP), or returns undefined to stay silent. */
export type Responder = (request: Sent) => unknown;

let nextId = 1000;

/** Answers the Janus core verbs the way Janus does; plugin messages stay unanswered. */
export const janusLike: Responder = (request) => {
  const { janus, transaction, session_id } = request;
  switch (janus) {
    case 'create':
      return { janus: 'success', transaction, data: { id: (nextId += 1) } };
    case 'attach':
      return { janus: 'success', session_id, transaction, data: { id: (nextId += 1) } };
    case 'keepalive':
      return { janus: 'ack', session_id, transaction };
    case 'destroy':
    case 'detach':
    case 'hangup':
    case 'claim':
      return { janus: 'success', session_id, transaction };
    default:
      return undefined;
  }
};

/** An in-memory transport: records what is sent, lets the test play Janus. */
export class FakeTransport implements Transport {
  readonly kind: TransportKind;
  readonly persistent: boolean;
  readonly sent: Sent[] = [];
  readonly watched = new Set<number>();
  responder: Responder | undefined;
  connected = true;
  closed = false;
  /** How many `open` calls to refuse (Janus down) before one succeeds. */
  refuseOpens = 0;
  opens = 0;
  /** How many times the connection asked to reconnect now. */
  retriesNow = 0;
  #sink: TransportSink | undefined;

  constructor(kind: TransportKind = 'ws', responder: Responder | undefined = janusLike) {
    this.kind = kind;
    this.persistent = kind === 'ws';
    this.responder = responder;
  }

  get sink(): TransportSink {
    if (this.#sink === undefined) throw new Error('transport not opened');
    return this.#sink;
  }

  open(sink: TransportSink): Promise<void> {
    this.opens += 1;
    if (this.refuseOpens > 0) {
      this.refuseOpens -= 1;
      return Promise.reject(new JanusTransportError('WebSocket to Janus failed (close code 1006)'));
    }
    this.#sink = sink;
    return Promise.resolve();
  }

  send(message: Record<string, unknown>): Promise<void> {
    if (!this.connected) return Promise.reject(new JanusTransportError('Not connected to Janus'));
    const request = message as Sent;
    this.sent.push(request);
    const answer = this.responder?.(request);
    if (answer !== undefined) this.sink.message(answer);
    return Promise.resolve();
  }

  watch(sessionId: number): void {
    this.watched.add(sessionId);
  }

  retryNow(): void {
    this.retriesNow += 1;
  }

  unwatch(sessionId: number): void {
    this.watched.delete(sessionId);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Plays one envelope from Janus. */
  deliver(envelope: Record<string, unknown>): void {
    this.sink.message(envelope);
  }

  /** The last request with verb `janus`. */
  last(janus: string): Sent {
    const found = this.sent.findLast((request) => request.janus === janus);
    if (found === undefined) throw new Error(`nothing sent with janus=${janus}`);
    return found;
  }

  /** The link drops (as a WebSocket close). */
  drop(): void {
    this.connected = false;
    this.sink.down(new JanusTransportError('WebSocket to Janus closed (code 1006)'));
  }

  /** The link is back. */
  restore(): void {
    this.connected = true;
    this.sink.up();
  }
}
