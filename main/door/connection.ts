// One viewer's connection through the door: the viewer's WebSocket on one side, one WebSocket to Janus on the
// other. Every message from the viewer goes through the policy (policy.ts); what passes is sent rewritten, with
// the station's API secret. Janus's answers go back as they are, once the door has learnt from them the ids of
// the sessions and handles it created (relay-state.ts). A watch waits, within the hold, for its camera's
// mountpoint to exist on Janus.
import { randomBytes } from 'node:crypto';

import type { SocketLike } from '../janus/transport/ws';
import { CloseCode, type ConnectionContext, type DoorClient } from './connection-context';
import type { Credential, Grant } from './credential';
import type { Decision } from './decision';
import { DoorCode, isObject, janusError, type WireMessage } from './janus-wire';
import { decide } from './policy';
import { RelayState, type HandleState } from './relay-state';
import type { UpstreamHandlers } from './upstream';

/** Janus ending a session or a handle: the door forgets it. */
const ENDINGS = /"janus"\s*:\s*"(?:timeout|detached)"/;

/** One viewer connection relayed to Janus. */
export class DoorConnection {
  readonly #client: DoorClient;
  readonly #context: ConnectionContext;
  readonly #grant: Grant | undefined;
  readonly #state: RelayState;
  readonly #lifetime = new AbortController();
  /** Transactions of the door's own requests start with this (random per connection: no viewer can guess it). */
  readonly #doorPrefix = `vigil-door-${randomBytes(6).toString('hex')}-`;
  #doorRequests = 0;
  #upstream: SocketLike | undefined;
  #opening: Promise<void> | undefined;
  #cancelIdle: (() => void) | undefined;
  #closed = false;

  constructor(client: DoorClient, grant: Grant | undefined, context: ConnectionContext) {
    this.#client = client;
    this.#grant = grant;
    this.#context = context;
    this.#state = new RelayState((credentialId) => {
      context.releaseSession(credentialId);
    });
    this.#watchIdle();
    // Authenticated at the upgrade: reach Janus now, while the viewer sends its create (a failed head start is
    // tried again by that create).
    if (grant !== undefined) this.#upstreamReady().catch(() => undefined);
  }

  /** The credentials this connection uses: its own, and its sessions' (open or being created). */
  credentials(): Credential[] {
    const all = [...(this.#grant ? [this.#grant.credential] : []), ...this.#state.credentials()];
    return [...new Map(all.map((credential) => [credential.id, credential])).values()];
  }

  /** One text message from the viewer. */
  receive(text: string): void {
    if (this.#closed) return;
    let message: unknown;
    try {
      message = JSON.parse(text) as unknown;
    } catch {
      this.#reply(janusError(undefined, DoorCode.InvalidJson, 'Invalid JSON'));
      return;
    }
    const view = { connection: this.#grant, sessions: this.#state.sessions };
    this.#apply(decide(message, view, this.#context.lookups, this.#context.limits));
    this.#idleCheck();
  }

  /** The viewer went away: lets go of Janus (Janus ends the sessions of a WebSocket that closed). */
  clientClosed(): void {
    this.#end();
  }

  /** Closes the connection from the door's side. */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#end();
    this.#client.close(code, reason);
  }

  /** Ends what depends on a credential that no longer holds (a revoked key, an ended browser session). */
  revoke(credentialId: string): void {
    if (this.#grant?.credential.id === credentialId) {
      this.close(CloseCode.Policy, 'The key or browser session behind this connection has ended');
      return;
    }
    for (const sessionId of this.#state.sessionsOf(credentialId)) {
      this.#toJanus({
        janus: 'destroy',
        session_id: sessionId,
        transaction: `${this.#doorPrefix}${++this.#doorRequests}`,
      });
      this.#state.endSession(sessionId);
      this.#reply({ janus: 'timeout', session_id: sessionId });
    }
    this.#idleCheck();
  }

  /** Detaches the handles watching a camera that was deleted. */
  cameraRemoved(cameraId: string): void {
    for (const [sessionId, handleId] of this.#state.watching(cameraId)) {
      this.#state.endHandle(sessionId, handleId);
      const detach = { janus: 'detach', session_id: sessionId, handle_id: handleId };
      this.#toJanus({ ...detach, transaction: `${this.#doorPrefix}${++this.#doorRequests}` });
      this.#reply({ janus: 'detached', session_id: sessionId, sender: handleId });
    }
  }

  #apply(decision: Decision): void {
    switch (decision.kind) {
      case 'refuse':
        this.#context.logger.debug({ error: decision.reply.error }, 'door refused a viewer request');
        this.#reply(decision.reply);
        return;
      case 'answer':
        this.#reply(decision.reply);
        return;
      case 'create':
        this.#create(decision.request, decision.grant);
        return;
      case 'attach': {
        const { request, sessionId, grant } = decision;
        if (this.#expect(request, { kind: 'attach', sessionId, grant })) this.#toJanus(request);
        return;
      }
      case 'watch': {
        const handle = this.#state.handle(decision.sessionId, decision.handleId);
        if (handle !== undefined) this.#watch(handle, decision);
        return;
      }
      case 'forward':
        this.#forward(decision);
        return;
    }
  }

  /** Sends a watch once its camera's mountpoint exists (at once when it does, or the camera is disabled). */
  #watch(handle: HandleState, decision: Extract<Decision, { kind: 'watch' }>): void {
    handle.cameraId = decision.cameraId;
    const hold = (handle.hold = new AbortController());
    this.#enqueue(handle, async () => {
      if (decision.enabled) await this.#context.whenReady(decision.cameraId, hold.signal);
      if (handle.hold === hold) handle.hold = undefined;
      if (!hold.signal.aborted) {
        this.#toJanus(decision.request);
        return;
      }
      const why = 'The watch was cancelled before the camera was ready';
      this.#reply(janusError(decision.request.transaction, DoorCode.Unavailable, why, decision.sessionId));
    });
  }

  #forward({ request, sessionId, handleId, ends }: Extract<Decision, { kind: 'forward' }>): void {
    if (ends === 'session') this.#state.endSession(sessionId);
    const handle = handleId === undefined ? undefined : this.#state.handle(sessionId, handleId);
    if (handle === undefined) {
      this.#toJanus(request);
      return;
    }
    // A hangup or detach cancels a watch still waiting for its camera, and goes first.
    if (request.janus === 'hangup' || request.janus === 'detach') {
      handle.hold?.abort();
      handle.cameraId = undefined;
    }
    if (ends === 'handle' && handleId !== undefined) this.#state.endHandle(sessionId, handleId);
    this.#enqueue(handle, () => {
      this.#toJanus(request);
      return Promise.resolve();
    });
  }

  #create(request: WireMessage, grant: Grant): void {
    const transaction = String(request.transaction);
    const joins = !this.credentials().some((credential) => credential.id === grant.credential.id);
    const capped = this.#context.reserveSession(grant.credential.id, joins);
    if (capped !== undefined) {
      this.#context.logger.warn({ credential: grant.credential.id, cap: capped }, 'door cap reached');
      this.#reply(janusError(transaction, DoorCode.TooMany, capped));
      return;
    }
    if (!this.#expect(request, { kind: 'create', grant })) {
      this.#context.releaseSession(grant.credential.id);
      return;
    }
    this.#upstreamReady().then(
      () => {
        this.#toJanus(request);
      },
      (error: unknown) => {
        this.#state.abandon(transaction);
        const why = error instanceof Error ? error.message : 'Janus is not reachable now';
        this.#reply(janusError(transaction, DoorCode.Unavailable, why));
      },
    );
  }

  /** Remembers a create or attach until Janus answers; false (answered 429) when too many wait already. */
  #expect(request: WireMessage, pending: Parameters<RelayState['expect']>[1]): boolean {
    const { requestsInFlight } = this.#context.limits;
    if (this.#state.waiting >= requestsInFlight) {
      const why = `At most ${requestsInFlight} requests in flight`;
      this.#reply(janusError(request.transaction, DoorCode.TooMany, why));
      return false;
    }
    this.#state.expect(String(request.transaction), pending);
    return true;
  }

  #enqueue(handle: HandleState, task: () => Promise<void>): void {
    handle.queue = handle.queue.then(task).catch((error: unknown) => {
      this.#context.logger.warn({ err: error }, 'door handle task failed');
    });
  }

  #upstreamReady(): Promise<void> {
    const handlers: UpstreamHandlers = {
      message: (text) => {
        this.#fromJanus(text);
      },
      close: () => {
        this.close(CloseCode.JanusGone, 'Janus went away: connect again');
      },
    };
    this.#opening ??= this.#context.openUpstream(handlers, this.#lifetime.signal).then(
      (socket) => {
        if (this.#closed) socket.close(1000, 'viewer gone');
        else this.#upstream = socket;
      },
      (error: unknown) => {
        this.#opening = undefined;
        throw error;
      },
    );
    return this.#opening;
  }

  #fromJanus(text: string): void {
    if (this.#closed) return;
    // Most of what Janus sends (events, media, trickles) teaches the door nothing: passed on unread.
    if (this.#state.waiting === 0 && !text.includes(this.#doorPrefix) && !ENDINGS.test(text)) {
      this.#client.send(text);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text) as unknown;
    } catch {
      return;
    }
    if (!isObject(message)) return;
    // Answers to the door's own requests (a revocation's destroy, a deleted camera's detach) stay here.
    const { transaction } = message;
    if (typeof transaction === 'string' && transaction.startsWith(this.#doorPrefix)) return;
    this.#state.learn(message);
    this.#idleCheck();
    this.#client.send(text);
  }

  /** Arms the idle timer while the connection holds no session (and none is being created); disarms it otherwise. */
  #idleCheck(): void {
    const busy = this.#state.sessions.size > 0 || this.#state.waiting > 0;
    if (busy) {
      this.#cancelIdle?.();
      this.#cancelIdle = undefined;
    } else if (this.#cancelIdle === undefined && !this.#closed) {
      this.#watchIdle();
    }
  }

  #watchIdle(): void {
    const { idleMs } = this.#context.limits;
    this.#cancelIdle = this.#context.clock.setTimeout(() => {
      this.#cancelIdle = undefined;
      this.close(CloseCode.Normal, `No Janus session for ${Math.round(idleMs / 1000)} s`);
    }, idleMs);
  }

  #toJanus(request: WireMessage): void {
    const secret = this.#context.apiSecret();
    this.#upstream?.send(JSON.stringify(secret === undefined ? request : { ...request, apisecret: secret }));
  }

  #reply(message: WireMessage): void {
    if (!this.#closed) this.#client.send(JSON.stringify(message));
  }

  #end(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#lifetime.abort();
    this.#cancelIdle?.();
    this.#state.clear();
    this.#upstream?.close(1000, 'viewer gone');
    this.#upstream = undefined;
    this.#context.ended();
  }
}
