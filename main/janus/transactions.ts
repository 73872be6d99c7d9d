import type { Clock } from './clock';
import type { AnswerEnvelope, JanusEnvelope } from './envelope';
import {
  errorFromJanus,
  JanusError,
  JanusInvalidRequestError,
  JanusTimeoutError,
  JanusTransportError,
} from './errors';

/** Who a transaction belongs to; tearing the owner down fails its transactions. */
export interface TransactionOwner {
  sessionId?: number;
  handleId?: number;
}

/** How to start one transaction. */
export interface TransactionOptions {
  owner: TransactionOwner;
  /** The Janus verb, for messages only (`message`, `attach`…). */
  request: string;
  /** `ack` settles the transaction (keepalive, trickle) instead of announcing a later `event`. */
  ackIsFinal: boolean;
  timeoutMs: number;
}

interface Pending {
  readonly options: TransactionOptions;
  readonly resolve: (answer: AnswerEnvelope) => void;
  readonly reject: (error: JanusError) => void;
  readonly cancelTimer: () => void;
}

/**
 * Pending requests keyed by transaction id: each is settled exactly once, by its answer, its timeout,
 * or its owner's teardown.
 * @example
 * const { id, promise } = transactions.start({ owner: { sessionId }, request: 'attach', ackIsFinal: false, timeoutMs: 10_000 });
 */
export class TransactionManager {
  readonly #pending = new Map<string, Pending>();
  readonly #clock: Clock;
  readonly #prefix: string;
  #counter = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
    this.#prefix = Math.floor(clock.random() * 0xffffffff).toString(36);
  }

  /** Number of transactions still waiting. */
  get size(): number {
    return this.#pending.size;
  }

  /** Registers a transaction and returns its id and the promise of its final answer. */
  start(options: TransactionOptions): { id: string; promise: Promise<AnswerEnvelope> } {
    this.#counter += 1;
    const id = `${this.#prefix}-${this.#counter}`;
    const promise = new Promise<AnswerEnvelope>((resolve, reject) => {
      const cancelTimer = this.#clock.setTimeout(() => {
        this.reject(
          id,
          new JanusTimeoutError(`Janus did not answer '${options.request}' within ${options.timeoutMs} ms`),
        );
      }, options.timeoutMs);
      this.#pending.set(id, { options, resolve, reject, cancelTimer });
    });
    return { id, promise };
  }

  /** Settles the transaction `envelope` answers; returns false when no pending transaction matches. */
  settle(envelope: JanusEnvelope): boolean {
    const id = envelope.transaction;
    if (id === undefined) return false;
    const pending = this.#pending.get(id);
    if (pending === undefined) return false;
    switch (envelope.janus) {
      case 'error':
        this.#take(id)?.reject(errorFromJanus(envelope.error.code, envelope.error.reason ?? ''));
        return true;
      case 'ack':
        if (pending.options.ackIsFinal) this.#take(id)?.resolve(envelope);
        return true;
      case 'success':
      case 'event':
      case 'server_info':
      case 'pong':
        this.#take(id)?.resolve(envelope);
        return true;
      default:
        return false;
    }
  }

  /** Fails one transaction; returns false when it was already settled. */
  reject(id: string, error: JanusError): boolean {
    const pending = this.#take(id);
    pending?.reject(error);
    return pending !== undefined;
  }

  /** Fails every transaction whose owner matches; `error` makes one error per transaction. */
  failWhere(match: (owner: TransactionOwner) => boolean, error: () => JanusError): void {
    for (const [id, pending] of [...this.#pending]) {
      if (match(pending.options.owner)) this.reject(id, error());
    }
  }

  /** Fails every pending transaction. */
  failAll(error: () => JanusError): void {
    this.failWhere(() => true, error);
  }

  #take(id: string): Pending | undefined {
    const pending = this.#pending.get(id);
    if (pending === undefined) return undefined;
    this.#pending.delete(id);
    pending.cancelTimer();
    return pending;
  }
}

/** Whether a string anywhere inside `value` holds a NUL character. */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsNul);
  return false;
}

/**
 * Sends `message` without awaiting it; a failed send rejects transaction `id` (typed: JanusError or transport).
 * A message holding a NUL is never sent: Janus (jansson) drops it without an answer, so it would only time out.
 */
export function sendTracked(
  send: (message: Record<string, unknown>) => Promise<void>,
  message: Record<string, unknown>,
  transactions: TransactionManager,
  id: string,
): void {
  if (holdsNul(message)) {
    transactions.reject(
      id,
      new JanusInvalidRequestError(
        `Not sent to Janus: the ${String(message.janus)} request holds a NUL character, which Janus never answers`,
      ),
    );
    return;
  }
  send(message).catch((error: unknown) => {
    const failure =
      error instanceof JanusError
        ? error
        : new JanusTransportError('Sending to Janus failed', { cause: error });
    transactions.reject(id, failure);
  });
}
