import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import type { GatewayEndpoints } from '../gateway/gateway';
import { JanusAdmin, JanusConnection, type JanusSession, type StreamingHandle } from '../janus';
import { runInBackground } from '../../common/background';
import { TypedEmitter } from '../janus/emitter';

/** What the link reports: Janus usable, or not (with why). */
export type JanusLinkEvents = { up: []; down: [reason: string] };

/** How long to wait between attempts to reach a Janus that is down. */
const RETRY_MS = { initial: 250, max: 5_000 };

/**
 * The station's own line to Janus: one WebSocket connection, one session, one streaming handle (with the
 * admin key) and the Admin API. It rebuilds the session when Janus forgets it (a restart) and reports
 * `up`/`down`, so the reconciler knows when to put mountpoints back.
 */
export class JanusLink extends TypedEmitter<JanusLinkEvents> {
  #endpoints: GatewayEndpoints;
  /** Bumped by retarget(): work begun for an earlier Janus drops its result. */
  #generation = 0;
  readonly #logger: Logger;
  #connection: JanusConnection | undefined;
  #admin: JanusAdmin | undefined;
  #session: JanusSession | undefined;
  #streaming: StreamingHandle | undefined;
  #connected = false;
  #up = false;
  #stopped = false;
  #opening: Promise<void> | undefined;

  constructor(endpoints: GatewayEndpoints, logger: Logger) {
    super((error) => {
      logger.error({ err: error }, 'janus link listener failed');
    });
    this.#endpoints = endpoints;
    this.#logger = logger;
  }

  /** True while the station holds a working session on Janus. */
  get isUp(): boolean {
    return this.#up;
  }

  /** Starts connecting (and keeps trying while Janus is down); returns at once. */
  start(): void {
    runInBackground(this.#connectLoop(), (error: unknown) => {
      this.#logger.error({ err: error }, 'janus link gave up');
    });
  }

  /** The streaming handle; `VIGIL_ERR_GATEWAY_UNAVAILABLE` while Janus is down. */
  streaming(): StreamingHandle {
    if (!this.#up || !this.#streaming) throw this.#unavailable();
    return this.#streaming;
  }

  /** The Admin API client; `VIGIL_ERR_GATEWAY_UNAVAILABLE` before the first connection. */
  admin(): JanusAdmin {
    if (!this.#admin) throw this.#unavailable();
    return this.#admin;
  }

  /** The Janus the link talks to (or tries to). */
  get endpoints(): GatewayEndpoints {
    return this.#endpoints;
  }

  /** Points the link at another Janus: drops the current connection and keeps trying the new one. */
  async retarget(endpoints: GatewayEndpoints): Promise<void> {
    this.#endpoints = endpoints;
    this.#generation++;
    const connection = this.#connection;
    const admin = this.#admin;
    this.#connection = undefined;
    this.#admin = undefined;
    this.#session = undefined;
    this.#streaming = undefined;
    this.#opening = undefined;
    this.#connected = false;
    this.#setDown('switching to another Janus');
    await connection?.close().catch(() => undefined);
    await admin?.close().catch(() => undefined);
    if (!this.#stopped) this.start();
  }

  /** Closes the session and connections; idempotent. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#setDown('station stopping');
    await this.#connection?.close().catch(() => undefined);
    await this.#admin?.close().catch(() => undefined);
    this.#connection = undefined;
    this.#admin = undefined;
  }

  async #connectLoop(): Promise<void> {
    const generation = this.#generation;
    let delay = RETRY_MS.initial;
    while (!this.#stopped && generation === this.#generation) {
      try {
        await this.#connect(generation);
        return;
      } catch (error) {
        this.#setDown(`cannot reach Janus at ${this.#endpoints.urls.ws}`);
        this.#logger.warn({ err: error, retryInMs: delay }, 'Janus is not reachable; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RETRY_MS.max);
      }
    }
  }

  async #connect(generation: number): Promise<void> {
    const { urls, secrets, origin } = this.#endpoints;
    const logger = this.#logger;
    const admin = await JanusAdmin.connect({
      url: urls.adminHttp,
      adminSecret: secrets.adminSecret,
      origin,
      logger,
    });
    const connection = await JanusConnection.connect({
      url: urls.ws,
      apiSecret: secrets.apiSecret,
      origin,
      logger,
      reconnect: { initialDelayMs: RETRY_MS.initial, maxDelayMs: RETRY_MS.max },
    }).catch(async (error: unknown) => {
      await admin.close();
      throw error;
    });
    if (this.#stopped || generation !== this.#generation) {
      await Promise.all([connection.close(), admin.close()]);
      return;
    }
    this.#admin = admin;
    this.#connection = connection;
    this.#connected = true;
    connection.on('disconnected', () => {
      if (this.#connection !== connection) return;
      this.#connected = false;
      this.#setDown('lost the connection to Janus');
    });
    connection.on('reconnected', () => {
      if (this.#connection !== connection) return;
      this.#connected = true;
      this.#openSessionInBackground();
    });
    connection.on('closed', () => {
      if (this.#stopped || this.#connection !== connection) return;
      this.#connected = false;
      this.#setDown('the connection to Janus closed');
      this.start();
    });
    await this.#openSession();
  }

  #openSessionInBackground(): void {
    runInBackground(this.#openSession(), (error: unknown) => {
      this.#logger.warn({ err: error }, 'could not open a Janus session; waiting for the next reconnect');
    });
  }

  /** Opens (once at a time) a session and streaming handle unless the current ones still work. */
  #openSession(): Promise<void> {
    if (this.#opening) return this.#opening;
    const opening = this.#doOpenSession().finally(() => {
      if (this.#opening === opening) this.#opening = undefined;
    });
    this.#opening = opening;
    return opening;
  }

  async #doOpenSession(): Promise<void> {
    const connection = this.#connection;
    if (!connection || !this.#connected || this.#stopped) return;
    if (this.#session && !this.#session.destroyed && this.#streaming) {
      this.#setUp();
      return;
    }
    const session = await connection.createSession();
    if (this.#connection !== connection) {
      await session.destroy().catch(() => undefined);
      return;
    }
    session.on('lost', () => {
      if (this.#session !== session) return;
      this.#session = undefined;
      this.#streaming = undefined;
      this.#setDown('Janus forgot the station session (restarted?)');
      if (this.#connected) this.#openSessionInBackground();
    });
    const streaming = await session.attachStreaming({ adminKey: this.#endpoints.secrets.streamingAdminKey });
    if (this.#connection !== connection) return;
    this.#streaming = streaming;
    this.#session = session;
    this.#setUp();
  }

  #setUp(): void {
    if (this.#up) return;
    this.#up = true;
    this.#logger.info('Janus is up');
    this.emit('up');
  }

  #setDown(reason: string): void {
    if (!this.#up) return;
    this.#up = false;
    this.#logger.warn({ reason }, 'Janus is down');
    this.emit('down', reason);
  }

  #unavailable(): VigilError {
    return new VigilError(
      ErrorCode.GatewayUnavailable,
      'Janus is not reachable right now; the station keeps trying',
    );
  }
}
