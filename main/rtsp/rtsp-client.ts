import { connect, type Socket } from 'node:net';

import {
  RtspAbortedError,
  RtspClosedError,
  RtspNetworkError,
  RtspProtocolError,
  RtspTimeoutError,
  type CameraError,
} from './errors';
import { formatRequest, RtspResponseReader, type RtspResponse } from './rtsp-message';

/** Where and how long to connect. */
export interface RtspConnectOptions {
  host: string;
  port: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

interface Waiter {
  step: string;
  cseq?: number;
  resolve: (response: RtspResponse | undefined) => void;
  reject: (error: CameraError) => void;
  timer: NodeJS.Timeout;
}

const USER_AGENT = 'Vigil camera probe';

/**
 * One RTSP/TCP connection, one request at a time. Every failure (timeout, socket error, close, bad bytes,
 * abort) destroys the socket and fails the pending request; after that every request fails the same way.
 * @example
 * const rtsp = await RtspConnection.open({ host: '127.0.0.1', port: 8554, timeoutMs: 5_000 });
 * try { const res = await rtsp.request('OPTIONS', 'rtsp://127.0.0.1:8554/cam1', {}, 5_000); } finally { rtsp.close(); }
 */
export class RtspConnection {
  readonly #socket: Socket;
  readonly #reader = new RtspResponseReader();
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => {
    this.#fail(new RtspAbortedError(this.#signal?.reason));
  };
  #cseq = 0;
  #waiter: Waiter | undefined;
  #failure: CameraError | undefined;

  private constructor(options: RtspConnectOptions) {
    this.#signal = options.signal;
    this.#socket = connect({ host: options.host, port: options.port, noDelay: true });
    this.#socket.on('connect', () => {
      this.#settle(undefined);
    });
    this.#socket.on('data', (chunk: Buffer) => {
      this.#onData(chunk);
    });
    this.#socket.on('error', (error: NodeJS.ErrnoException) => {
      this.#fail(new RtspNetworkError(error.code, this.#waiter?.step ?? 'idle', { cause: error }));
    });
    this.#socket.on('close', () => {
      this.#fail(new RtspClosedError(this.#waiter?.step ?? 'idle', this.#reader.partial));
    });
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Opens a TCP connection; rejects with a CameraError on refusal, unreachable host, timeout or abort. */
  static async open(options: RtspConnectOptions): Promise<RtspConnection> {
    if (options.signal?.aborted === true) throw new RtspAbortedError(options.signal.reason);
    const connection = new RtspConnection(options);
    await connection.#wait('connect', options.timeoutMs, undefined);
    return connection;
  }

  /** Sends one request (CSeq and User-Agent added) and resolves with the response carrying its CSeq. */
  async request(
    method: string,
    url: string,
    headers: Readonly<Record<string, string>>,
    timeoutMs: number,
  ): Promise<RtspResponse> {
    if (this.#failure !== undefined) throw this.#failure;
    this.#cseq += 1;
    const cseq = this.#cseq;
    const text = formatRequest(method, url, { CSeq: String(cseq), 'User-Agent': USER_AGENT, ...headers });
    const answer = this.#wait(method, timeoutMs, cseq);
    this.#socket.write(text);
    const response = await answer;
    if (response === undefined) throw new RtspProtocolError('malformed', `no response to ${method}`);
    return response;
  }

  /** Destroys the socket and drops the abort listener; safe to call more than once. */
  close(): void {
    this.#fail(new RtspClosedError('close', false));
  }

  #wait(step: string, timeoutMs: number, cseq: number | undefined): Promise<RtspResponse | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.#fail(new RtspTimeoutError(step, timeoutMs));
        },
        Math.max(0, timeoutMs),
      );
      this.#waiter = { step, resolve, reject, timer, ...(cseq === undefined ? {} : { cseq }) };
    });
  }

  #onData(chunk: Buffer): void {
    let responses: RtspResponse[];
    try {
      responses = this.#reader.push(chunk);
    } catch (error) {
      this.#fail(
        error instanceof RtspProtocolError ? error : new RtspProtocolError('malformed', 'unreadable'),
      );
      return;
    }
    for (const response of responses) {
      const waiter = this.#waiter;
      // Answers to nothing we asked (or to an earlier CSeq) are dropped; a missing CSeq is taken as ours.
      if (waiter?.cseq === undefined) continue;
      if (response.cseq === undefined || response.cseq === waiter.cseq) this.#settle(response);
    }
  }

  #settle(response: RtspResponse | undefined): void {
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    this.#waiter = undefined;
    clearTimeout(waiter.timer);
    waiter.resolve(response);
  }

  #fail(error: CameraError): void {
    if (this.#failure !== undefined) return;
    this.#failure = error;
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#socket.destroy();
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (waiter === undefined) return;
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }
}
