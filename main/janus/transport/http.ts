import type { Logger } from 'pino';
import { request } from 'undici';

import { runInBackground } from '../../../common/background';
import { Backoff } from '../../../common/backoff';
import type { BackoffOptions } from '../../../common/backoff';
import { sleep } from '../clock';
import type { Clock } from '../clock';
import { JanusTransportError } from '../errors';
import type { Transport, TransportSink } from './types';

/** One HTTP exchange as the transport needs it. */
export interface HttpExchange {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  signal?: AbortSignal;
  /** Sent as the `Origin` header: a Janus with `enforce_cors` refuses requests without the right one. */
  origin?: string | undefined;
}

/** Status and decoded JSON body (undefined when empty) of an HTTP answer. */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** Performs one HTTP exchange; rejects on network failure. Injectable for tests. */
export type HttpRequester = (exchange: HttpExchange) => Promise<HttpAnswer>;

/** The default requester, over undici. */
export const undiciRequester: HttpRequester = async ({ method, url, body, signal, origin }) => {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (origin !== undefined) headers.origin = origin;
  const answer = await request(url, { method, body, signal, headers });
  const text = await answer.body.text();
  return { status: answer.statusCode, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

/** Options of the HTTP transport. */
export interface HttpTransportOptions {
  /** Base URL, e.g. `http://127.0.0.1:8088/janus` or `…/admin`. */
  url: string;
  clock: Clock;
  logger: Logger;
  backoff: BackoffOptions;
  /** Events per long poll answer (`maxev`). */
  longPollMaxEvents: number;
  /** Credentials for long polls (Janus checks them on GET query parameters). */
  apiSecret?: string;
  token?: string;
  /** `Origin` header for every request. */
  origin?: string | undefined;
  requester?: HttpRequester;
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Not narrowed by TypeScript, unlike `signal.aborted`, which changes across awaits. */
function isActive(signal: AbortSignal): boolean {
  return !signal.aborted;
}

function transportError(what: string, cause: unknown): JanusTransportError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new JanusTransportError(`${what}: ${detail}`, { cause });
}

/**
 * Janus over HTTP: requests are POSTed (their answer is the response body) and each watched session
 * has a long poll (`GET /<session>?maxev=N`) retried with backoff when it fails.
 * @example
 * const transport = new HttpTransport({ url: 'http://127.0.0.1:8088/janus', clock: systemClock, logger, backoff: {}, longPollMaxEvents: 10 });
 */
export class HttpTransport implements Transport {
  readonly kind = 'http';
  readonly persistent = false;
  readonly #options: HttpTransportOptions;
  readonly #base: string;
  readonly #requester: HttpRequester;
  readonly #polls = new Map<number, AbortController>();
  #sink: TransportSink | undefined;
  #healthy = true;
  #closed = false;

  constructor(options: HttpTransportOptions) {
    this.#options = options;
    this.#base = options.url.replace(/\/+$/, '');
    this.#requester = options.requester ?? undiciRequester;
  }

  /** Checks that Janus answers (`GET <base>/info`). */
  async open(sink: TransportSink): Promise<void> {
    this.#sink = sink;
    let answer: HttpAnswer;
    try {
      answer = await this.#requester({
        method: 'GET',
        url: `${this.#base}/info`,
        origin: this.#options.origin,
      });
    } catch (error) {
      throw transportError('Janus is not reachable over HTTP', error);
    }
    if (!isOk(answer.status)) throw new JanusTransportError(`Janus answered HTTP ${answer.status} to info`);
  }

  /** POSTs one request and hands its answer to the sink. */
  async send(message: Record<string, unknown>): Promise<void> {
    if (this.#closed) throw new JanusTransportError('HTTP transport is closed');
    let answer: HttpAnswer;
    try {
      answer = await this.#requester({
        method: 'POST',
        url: this.#base,
        body: JSON.stringify(message),
        origin: this.#options.origin,
      });
    } catch (error) {
      const failure = transportError('HTTP request to Janus failed', error);
      this.#markDown(failure);
      throw failure;
    }
    this.#markUp();
    if (!isOk(answer.status)) throw new JanusTransportError(`Janus answered HTTP ${answer.status}`);
    this.#sink?.message(answer.body);
  }

  /** Starts the long poll of a session. */
  watch(sessionId: number): void {
    if (this.#closed || this.#polls.has(sessionId)) return;
    const controller = new AbortController();
    this.#polls.set(sessionId, controller);
    runInBackground(this.#poll(sessionId, controller.signal), (error: unknown) => {
      this.#options.logger.error({ err: error, sessionId }, 'long poll loop crashed');
    });
  }

  /** Stops (aborts) the long poll of a session. */
  unwatch(sessionId: number): void {
    this.#polls.get(sessionId)?.abort();
    this.#polls.delete(sessionId);
  }

  /** Aborts every long poll; later sends fail. */
  /** Nothing waits to reconnect over HTTP: every request and long poll tries Janus anew. */
  retryNow(): void {
    // Each request is its own attempt.
  }

  close(): Promise<void> {
    this.#closed = true;
    for (const id of [...this.#polls.keys()]) this.unwatch(id);
    return Promise.resolve();
  }

  async #poll(sessionId: number, signal: AbortSignal): Promise<void> {
    const backoff = new Backoff(this.#options.backoff, () => this.#options.clock.random());
    while (isActive(signal)) {
      let failure: JanusTransportError | undefined;
      try {
        const answer = await this.#requester({
          method: 'GET',
          url: this.#pollUrl(sessionId),
          signal,
          origin: this.#options.origin,
        });
        if (!isActive(signal)) return;
        if (answer.status === 404) {
          this.#polls.delete(sessionId);
          this.#sink?.sessionGone(sessionId);
          return;
        }
        if (isOk(answer.status)) {
          backoff.reset();
          this.#markUp();
          const events = Array.isArray(answer.body) ? (answer.body as unknown[]) : [answer.body];
          for (const event of events) this.#sink?.message(event);
        } else {
          failure = new JanusTransportError(`Janus answered HTTP ${answer.status} to a long poll`);
        }
      } catch (error) {
        if (!isActive(signal)) return;
        failure = transportError('Janus long poll failed', error);
      }
      if (failure !== undefined) {
        this.#markDown(failure);
        const delay = backoff.next();
        if (delay === undefined) {
          this.#polls.delete(sessionId);
          this.#sink?.failed(failure);
          return;
        }
        this.#options.logger.debug({ sessionId, delayMs: delay }, 'long poll failed; retrying');
        await sleep(this.#options.clock, delay, signal);
      }
    }
  }

  #pollUrl(sessionId: number): string {
    const url = new URL(`${this.#base}/${sessionId}`);
    url.searchParams.set('rid', String(Date.now()));
    url.searchParams.set('maxev', String(this.#options.longPollMaxEvents));
    if (this.#options.token !== undefined) url.searchParams.set('token', this.#options.token);
    if (this.#options.apiSecret !== undefined) url.searchParams.set('apisecret', this.#options.apiSecret);
    return url.toString();
  }

  #markDown(error: JanusTransportError): void {
    if (!this.#healthy) return;
    this.#healthy = false;
    this.#sink?.down(error);
  }

  #markUp(): void {
    if (this.#healthy) return;
    this.#healthy = true;
    this.#sink?.up();
  }
}
