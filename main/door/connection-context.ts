// What a door connection (connection.ts) is given: the viewer's end, and what it asks of its door.
import type { Logger } from 'pino';

import type { GatewayEndpoints } from '../gateway/gateway';
import type { Clock } from '../janus';
import type { SocketLike } from '../janus/transport/ws';
import type { DoorLimits } from './limits';
import type { PolicyLookups } from './policy';
import type { UpstreamHandlers } from './upstream';

/** The viewer's end of a connection (the api layer wraps its WebSocket). */
export interface DoorClient {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** What a connection asks of its door (one per connection). */
export interface ConnectionContext {
  readonly limits: DoorLimits;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly lookups: PolicyLookups;
  /**
   * Opens this connection's WebSocket to the station's Janus (waiting, within the hold, for Janus to be up), or to
   * `gateway`, another of the cluster.
   */
  openUpstream(
    handlers: UpstreamHandlers,
    signal: AbortSignal,
    gateway?: GatewayEndpoints,
  ): Promise<SocketLike>;
  /** The station's own Janus. */
  gatewayEndpoints(): GatewayEndpoints;
  /** The Janus holding a camera (the station's own but in a cluster); undefined while none does. */
  endpointsFor(cameraId: string): GatewayEndpoints | undefined;
  /** Why a new viewer of the camera is refused now (its gateway is at its most viewers), or undefined. */
  refusesViewers(cameraId: string): string | undefined;
  /** Resolves once the camera's mountpoint exists on Janus, the hold ends, or `signal` aborts. */
  whenReady(cameraId: string, signal: AbortSignal): Promise<void>;
  /** The Janus API secret every request to Janus carries. */
  apiSecret(): string | undefined;
  /**
   * Takes one Janus session of the credential's cap (and, when `joins` — the connection did not use the credential
   * yet — one connection of its cap); the reason when a cap is reached.
   */
  reserveSession(credentialId: string, joins: boolean): string | undefined;
  /** Gives a session's slot back. */
  releaseSession(credentialId: string): void;
  /** The connection is over. */
  ended(): void;
}

/** Close codes the door uses: normal (idle), policy (a credential ended), service restart (Janus went away). */
export const CloseCode = { Normal: 1000, Policy: 1008, JanusGone: 1012 } as const;
