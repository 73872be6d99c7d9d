// The station's only door to Janus: viewers speak the Janus client protocol to the station's own port, and the
// door relays what a viewer may do to the Janus the station runs on. It authenticates (API key, browser session,
// per-camera viewer ticket), lets through only viewer verbs on cameras the credential may watch (policy.ts), adds
// pins and the API secret itself, caps sessions and connections per credential, and ends what depends on a key
// revoked, a browser session ended or a camera deleted within about half a second. In a cluster each watch goes to
// the gateway holding its camera, and viewers of a camera that moved are told its stream ended, to watch again.
import type { Logger } from 'pino';

import type { StreamInfo } from '../../common/camera';
import type { StationEvent } from '../../common/events';
import { backgroundClock, type Clock } from '../janus/clock';
import type { SocketFactory } from '../janus/transport/ws';
import { CloseCode, type ConnectionContext, type DoorClient } from './connection-context';
import { DoorConnection } from './connection';
import { fullGrant, keyCredential, type Credential, type Grant, type KeyRegistry } from './credential';
import { withTicket } from './door-url';
import type { DoorStation } from './door-station';
import { DEFAULT_DOOR_LIMITS, type DoorLimits } from './limits';
import { ViewerTickets } from './tickets';
import { openUpstream, wsSocketFactory } from './upstream';

/** What the door is built from. */
export interface DoorDeps {
  station: DoorStation;
  keys: KeyRegistry;
  logger: Logger;
  limits?: Partial<DoorLimits>;
  /** Time and timers (default the real clock; its timers never keep the process alive). */
  clock?: Clock;
  /** Opens the WebSockets to Janus (default `ws`'s); unit tests pass a fake. */
  socketFactory?: SocketFactory;
}

/** How often the door asks whether the credentials of its connections still hold. */
const REVOCATION_CHECK_MS = 500;

/**
 * The Janus door.
 * @example
 * const door = new Door({ station: station.viewers, keys, logger });
 * const info = door.streamInfo('lobby', keyCredential(key.id, keys)); // janus_url: ws://…/janus?ticket=…
 */
export class Door {
  /** The limits in force. */
  readonly limits: DoorLimits;
  readonly #station: DoorStation;
  readonly #keys: KeyRegistry;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #socketFactory: SocketFactory;
  readonly #tickets: ViewerTickets;
  readonly #connections = new Set<DoorConnection>();
  /** Janus sessions (open or being created) per credential id. */
  readonly #sessions = new Map<string, number>();
  readonly #unsubscribe: () => void;
  #cancelCheck: (() => void) | undefined;

  constructor(deps: DoorDeps) {
    this.#station = deps.station;
    this.#keys = deps.keys;
    this.#logger = deps.logger.child({ name: 'door' });
    this.#clock = deps.clock ?? backgroundClock;
    this.#socketFactory = deps.socketFactory ?? wsSocketFactory;
    this.limits = { ...DEFAULT_DOOR_LIMITS, ...deps.limits };
    this.#tickets = new ViewerTickets(this.#clock);
    this.#unsubscribe = deps.station.onEvent((event) => {
      this.#onStationEvent(event);
    });
  }

  /** What a viewer needs to play a camera, with a fresh ticket bound to `credential`; throws for an unknown camera. */
  streamInfo(cameraId: string, credential: Credential): StreamInfo {
    const stream = this.#station.stream(cameraId);
    const { ticket, expiresAt } = this.#tickets.issue(cameraId, credential);
    return {
      ...stream,
      janus_url: withTicket(stream.janus_url, ticket),
      ticket,
      ticket_expires_at: expiresAt.toISOString(),
    };
  }

  /** A presented API key as a grant (every camera the key may view); undefined for an unknown key. */
  keyGrant(presented: string): Grant | undefined {
    const key = this.#keys.verify(presented);
    return key === undefined ? undefined : fullGrant(keyCredential(key.id, this.#keys));
  }

  /** A viewer ticket as a grant (its one camera); undefined for an unknown, expired or orphaned one. */
  ticketGrant(ticket: string): Grant | undefined {
    return this.#tickets.redeem(ticket);
  }

  /** A Janus `token`: a viewer ticket or an API key. */
  tokenGrant(token: string): Grant | undefined {
    return this.ticketGrant(token) ?? this.keyGrant(token);
  }

  /**
   * Admits a viewer connection with the grant of its upgrade (cookie, `Authorization`, `?ticket=`) or none (it
   * must then send a token with its first `create`); the reason instead when a cap is reached.
   */
  connect(client: DoorClient, grant: Grant | undefined): DoorConnection | string {
    const refusal = this.admits(grant);
    if (refusal !== undefined) {
      this.#logger.warn(
        { credential: grant?.credential.id ?? 'anonymous', cap: refusal },
        'door cap reached',
      );
      return refusal;
    }
    const connection: DoorConnection = new DoorConnection(
      client,
      grant,
      this.#context(() => this.#connections.delete(connection)),
    );
    this.#connections.add(connection);
    this.#scheduleCheck();
    return connection;
  }

  /** Closes every connection (the station is stopping) and stops listening to the station. */
  close(): void {
    this.#unsubscribe();
    this.#cancelCheck?.();
    this.#closeAll(CloseCode.JanusGone, 'The station is stopping');
  }

  /** Why a connection with this grant (or none) would exceed a cap; undefined when it may connect. */
  admits(grant: Grant | undefined): string | undefined {
    const { connectionsPerCredential, anonymousConnections } = this.limits;
    if (grant === undefined) {
      const anonymous = [...this.#connections].filter((c) => c.credentials().length === 0).length;
      return anonymous >= anonymousConnections
        ? `At most ${anonymousConnections} connections may wait to authenticate`
        : undefined;
    }
    return this.#using(grant.credential.id) >= connectionsPerCredential
      ? `At most ${connectionsPerCredential} connections per key or browser session`
      : undefined;
  }

  #using(credentialId: string): number {
    return [...this.#connections].filter((c) => c.credentials().some((used) => used.id === credentialId))
      .length;
  }

  #context(ended: () => void): ConnectionContext {
    const { holdMs } = this.limits;
    return {
      limits: this.limits,
      logger: this.#logger,
      clock: this.#clock,
      lookups: {
        grantOf: (token) => this.tokenGrant(token),
        mountpoint: (id) => this.#station.mountpoint(id),
      },
      openUpstream: (handlers, signal, gateway) =>
        openUpstream(
          { station: this.#station, clock: this.#clock, socketFactory: this.#socketFactory },
          handlers,
          this.#clock.now() + holdMs,
          signal,
          gateway,
        ),
      gatewayEndpoints: () => this.#station.gatewayEndpoints(),
      endpointsFor: (cameraId) => this.#station.endpointsFor(cameraId),
      refusesViewers: (cameraId) => this.#station.refusesViewers(cameraId),
      whenReady: (cameraId, signal) => this.#whenReady(cameraId, signal),
      apiSecret: () => this.#station.gatewayEndpoints().secrets.apiSecret,
      reserveSession: (credentialId, joins) => this.#reserve(credentialId, joins),
      releaseSession: (credentialId) => {
        const left = (this.#sessions.get(credentialId) ?? 1) - 1;
        if (left > 0) this.#sessions.set(credentialId, left);
        else this.#sessions.delete(credentialId);
      },
      ended,
    };
  }

  #reserve(credentialId: string, joins: boolean): string | undefined {
    const { sessionsPerCredential, connectionsPerCredential } = this.limits;
    const sessions = this.#sessions.get(credentialId) ?? 0;
    if (sessions >= sessionsPerCredential)
      return `At most ${sessionsPerCredential} Janus sessions per key or browser session`;
    if (joins && this.#using(credentialId) >= connectionsPerCredential) {
      return `At most ${connectionsPerCredential} connections per key or browser session`;
    }
    this.#sessions.set(credentialId, sessions + 1);
    return undefined;
  }

  #whenReady(cameraId: string, signal: AbortSignal): Promise<void> {
    if (this.#station.isReady(cameraId) || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        off();
        cancel();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const off = this.#station.onReady((ready) => {
        if (ready === cameraId) done();
      });
      const cancel = this.#clock.setTimeout(done, this.limits.holdMs);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  #onStationEvent(event: StationEvent): void {
    if (event.type === 'camera.removed') {
      this.#tickets.forgetCamera(event.camera_id);
      for (const connection of this.#connections) connection.cameraRemoved(event.camera_id);
    } else if (event.type === 'camera.moved') {
      const { camera_id: camera, from, to } = event;
      this.#logger.debug(
        { camera, from, to },
        'camera moved: its viewers on the gateway it left watch again',
      );
      for (const connection of this.#connections) connection.cameraMoved(camera);
    } else if (
      event.type === 'gateway.down' &&
      event.gateway_id === undefined &&
      this.#connections.size > 0
    ) {
      // Janus restarted, or the station moved to another Janus: viewers start over (and are held until it is up).
      this.#logger.info(
        { connections: this.#connections.size },
        'Janus went away: closing viewer connections',
      );
      this.#closeAll(CloseCode.JanusGone, 'Janus went away: connect again');
    }
  }

  #closeAll(code: number, reason: string): void {
    for (const connection of [...this.#connections]) connection.close(code, reason);
  }

  /** Checks the connections' credentials every half second while there are connections. */
  #scheduleCheck(): void {
    if (this.#cancelCheck !== undefined) return;
    this.#cancelCheck = this.#clock.setTimeout(() => {
      this.#cancelCheck = undefined;
      this.#revokeEnded();
      if (this.#connections.size > 0) this.#scheduleCheck();
    }, REVOCATION_CHECK_MS);
  }

  #revokeEnded(): void {
    const credentials = new Map<string, Credential>();
    for (const connection of this.#connections) {
      for (const credential of connection.credentials()) credentials.set(credential.id, credential);
    }
    for (const [id, credential] of credentials) {
      if (credential.alive()) continue;
      this.#logger.info({ credential: id }, 'credential ended: closing its viewer sessions');
      for (const connection of [...this.#connections]) connection.revoke(id);
    }
  }
}
