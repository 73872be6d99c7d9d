import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { Backoff } from '../../common/backoff';
import type { GatewayEndpoints } from '../gateway/gateway';
import {
  JanusAdmin,
  JanusConnection,
  systemClock,
  type Clock,
  type ConnectionOptions,
  type JanusSession,
  type MountpointSummary,
  type RtspMountpointOptions,
  type StreamingHandle,
  type WaitOptions,
} from '../janus';
import { TypedEmitter } from '../janus/emitter';
import { Reconnector } from '../janus/reconnect';
import { gatewayUnavailable } from './station-errors';
import type { StationJanus, StationJanusEvents } from './station-janus';

/** How long to wait between attempts to reach a Janus that is down, or to open a session on it. */
const RETRY = { initialDelayMs: 250, maxDelayMs: 5_000 };

/**
 * The station's own line to Janus: one WebSocket connection, one session, one streaming handle (with the
 * admin key) and the Admin API. The connections wait for a Janus that is down and reconnect by themselves;
 * the link rebuilds the session when Janus forgets it (a restart) and reports `up`/`down`, so the reconciler
 * knows when to put mountpoints back.
 */
export class JanusLink extends TypedEmitter<StationJanusEvents> implements StationJanus {
  #endpoints: GatewayEndpoints;
  readonly #logger: Logger;
  readonly #clock: Clock;
  /** Retries opening the session while the connection is up; stopped when it drops. */
  readonly #sessionRetry: Reconnector;
  /** Aborts the connect in progress (retarget, stop). */
  #connecting: AbortController | undefined;
  #connection: JanusConnection | undefined;
  #admin: JanusAdmin | undefined;
  #session: JanusSession | undefined;
  #streaming: StreamingHandle | undefined;
  #connected = false;
  #up = false;
  #stopped = false;
  #opening: Promise<void> | undefined;

  constructor(endpoints: GatewayEndpoints, logger: Logger, clock: Clock = systemClock) {
    super((error) => {
      logger.error({ err: error }, 'janus link listener failed');
    });
    this.#endpoints = endpoints;
    this.#logger = logger;
    this.#clock = clock;
    this.#sessionRetry = new Reconnector({
      backoff: new Backoff(RETRY, () => clock.random()),
      clock,
      attempt: () => this.#openSession(),
      onAttemptFailed: (error, _attempt, retryInMs) => {
        logger.warn({ err: error, retryInMs }, 'could not open a Janus session; retrying');
      },
      // The schedule never runs out: it ends on success, or when the connection drops.
      onGiveUp: () => undefined,
    });
  }

  /** True while the station holds a working session on Janus. */
  get isUp(): boolean {
    return this.#up;
  }

  /** Starts connecting (the connections keep trying while Janus is down); returns at once. */
  start(): void {
    if (this.#stopped) return;
    const connecting = new AbortController();
    this.#connecting = connecting;
    runInBackground(this.#connect(connecting.signal), (error: unknown) => {
      if (!connecting.signal.aborted) this.#logger.error({ err: error }, 'janus link gave up');
    });
  }

  /** Points the link at another Janus: drops the current connection and keeps trying the new one. */
  async retarget(endpoints: GatewayEndpoints): Promise<void> {
    this.#endpoints = endpoints;
    this.#setDown('switching to another Janus', 'info');
    await this.#disconnect();
    this.start();
  }

  /** Reconnects now if the connection is waiting to retry (a restarted Janus answers again). */
  retryNow(): void {
    this.#connection?.retryNow();
  }

  /** Closes the session and connections; idempotent. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#setDown('station stopping', 'info');
    await this.#disconnect();
  }

  /** Every mountpoint (the handle holds the admin key, so the private ones too). */
  async listMountpoints(): Promise<MountpointSummary[]> {
    return this.#streamingHandle().list();
  }

  /** Creates a mountpoint. */
  async createMountpoint(request: RtspMountpointOptions): Promise<void> {
    await this.#streamingHandle().create(request);
  }

  /** Destroys a mountpoint. */
  async destroyMountpoint(mountpointId: number, secret: string | undefined): Promise<void> {
    await this.#streamingHandle().destroy(mountpointId, { secret });
  }

  /** Viewers of a mountpoint, as its `info` says. */
  async viewerCount(mountpointId: number, secret: string): Promise<number> {
    return (await this.#streamingHandle().info(mountpointId, { secret })).viewers ?? 0;
  }

  /** Janus's sessions, as the Admin API lists them. */
  async sessionCount(): Promise<number> {
    return (await this.#adminApi().listSessions()).length;
  }

  async #connect(signal: AbortSignal): Promise<void> {
    const { urls, secrets, origin } = this.#endpoints;
    const logger = this.#logger;
    const waiting: Pick<ConnectionOptions, 'origin' | 'logger' | 'clock' | 'reconnect'> & WaitOptions = {
      origin,
      logger,
      clock: this.#clock,
      reconnect: RETRY,
      waitForJanus: true,
      signal,
      onRetry: (error, retryInMs) => {
        logger.warn({ err: error, retryInMs }, 'Janus is not reachable; retrying');
      },
    };
    const admin = await JanusAdmin.connect({
      ...waiting,
      url: urls.adminHttp,
      adminSecret: secrets.adminSecret,
    });
    const connection = await JanusConnection.connect({
      ...waiting,
      url: urls.ws,
      apiSecret: secrets.apiSecret,
    }).catch(async (error: unknown) => {
      await admin.close();
      throw error;
    });
    if (signal.aborted) {
      await Promise.all([connection.close(), admin.close()]);
      return;
    }
    this.#admin = admin;
    this.#connection = connection;
    this.#connected = true;
    this.#watch(connection);
    this.#sessionRetry.start({ immediately: true });
  }

  #watch(connection: JanusConnection): void {
    connection.on('disconnected', () => {
      if (this.#connection !== connection) return;
      this.#connected = false;
      this.#sessionRetry.stop();
      this.#setDown('lost the connection to Janus');
    });
    connection.on('reconnected', () => {
      if (this.#connection !== connection) return;
      this.#connected = true;
      this.#sessionRetry.start({ immediately: true });
    });
    connection.on('closed', () => {
      if (this.#stopped || this.#connection !== connection) return;
      // Reconnecting gave up: start over with fresh connections (which wait for Janus again).
      this.#setDown('the connection to Janus closed');
      runInBackground(
        this.#disconnect().then(() => {
          this.start();
        }),
        (error: unknown) => {
          this.#logger.error({ err: error }, 'janus link could not start over');
        },
      );
    });
  }

  /** Aborts a connect in progress and closes the current connections. */
  async #disconnect(): Promise<void> {
    this.#connecting?.abort();
    this.#connecting = undefined;
    this.#sessionRetry.stop();
    const connection = this.#connection;
    const admin = this.#admin;
    this.#connection = undefined;
    this.#admin = undefined;
    this.#session = undefined;
    this.#streaming = undefined;
    this.#opening = undefined;
    this.#connected = false;
    await connection?.close().catch(() => undefined);
    await admin?.close().catch(() => undefined);
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
      if (this.#connected) this.#sessionRetry.start({ immediately: true });
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

  /** Janus is no longer usable; a loss is a warning, a stop or switch the station asked for is not. */
  #setDown(reason: string, level: 'warn' | 'info' = 'warn'): void {
    if (!this.#up) return;
    this.#up = false;
    this.#logger[level]({ reason }, 'Janus is down');
    this.emit('down', reason);
  }

  /** The streaming handle; `VIGIL_ERR_GATEWAY_UNAVAILABLE` while Janus is down. */
  #streamingHandle(): StreamingHandle {
    if (!this.#up || !this.#streaming) throw gatewayUnavailable();
    return this.#streaming;
  }

  /** The Admin API client; `VIGIL_ERR_GATEWAY_UNAVAILABLE` before the first connection. */
  #adminApi(): JanusAdmin {
    if (!this.#admin) throw gatewayUnavailable();
    return this.#admin;
  }
}
