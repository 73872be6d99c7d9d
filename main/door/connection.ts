// One viewer's connection through the door: the viewer's WebSocket on one side, one WebSocket to Janus on the
// other. Every message from the viewer goes through the policy (policy.ts); what passes is sent rewritten, with
// the station's API secret. Janus's answers go back as they are, once the door has learnt from them the ids of
// the sessions and handles it created (relay-state.ts). A watch waits, within the hold, for its camera's
// mountpoint to exist on Janus. In a cluster, a watch of a camera another gateway holds is relayed, with what
// follows on its handle, over a link to that gateway (gateway-links.ts).
import { randomBytes } from 'node:crypto';

import { CloseCode, type ConnectionContext, type DoorClient } from './connection-context';
import type { Credential, Grant } from './credential';
import type { Decision } from './decision';
import { GatewayLinks } from './gateway-links';
import { IdleTimer } from './idle-timer';
import { DoorCode, janusError, streamEnded, type WireMessage } from './janus-wire';
import { decide } from './policy';
import { RelayState, type HandleState } from './relay-state';
import { StationUpstream } from './station-upstream';

/** One viewer connection relayed to Janus. */
export class DoorConnection {
  readonly #client: DoorClient;
  readonly #context: ConnectionContext;
  readonly #grant: Grant | undefined;
  readonly #state: RelayState;
  readonly #links: GatewayLinks;
  readonly #lifetime = new AbortController();
  /** Transactions of the door's own requests start with this (random per connection: no viewer can guess it). */
  readonly #doorPrefix = `vigil-door-${randomBytes(6).toString('hex')}-`;
  #doorRequests = 0;
  readonly #upstream: StationUpstream;
  readonly #idle: IdleTimer;
  #closed = false;

  constructor(client: DoorClient, grant: Grant | undefined, context: ConnectionContext) {
    this.#client = client;
    this.#grant = grant;
    this.#context = context;
    this.#state = new RelayState(
      (credentialId) => {
        context.releaseSession(credentialId);
      },
      (sessionId) => {
        this.#links.destroy(sessionId);
      },
    );
    this.#links = new GatewayLinks(context, {
      prefix: this.#doorPrefix,
      signal: this.#lifetime.signal,
      toViewer: (message) => {
        this.#reply(message);
      },
      lost: (sessionId, handleId) => {
        this.#streamEnded(sessionId, handleId, 'The gateway holding the camera ended the stream');
      },
    });
    this.#upstream = new StationUpstream({
      open: (handlers) => context.openUpstream(handlers, this.#lifetime.signal),
      apiSecret: () => context.apiSecret(),
      prefix: this.#doorPrefix,
      waiting: () => this.#state.waiting > 0,
      learn: (message) => {
        this.#state.learn(message);
        this.#idleCheck();
      },
      toViewer: (text) => {
        if (!this.#closed) this.#client.send(text);
      },
      gone: () => {
        this.close(CloseCode.JanusGone, 'Janus went away: connect again');
      },
    });
    const { idleMs } = context.limits;
    this.#idle = new IdleTimer(context.clock, idleMs, () => {
      this.close(CloseCode.Normal, `No Janus session for ${Math.round(idleMs / 1000)} s`);
    });
    // Authenticated at the upgrade: reach Janus now, while the viewer sends its create (a failed head start is
    // tried again by that create).
    if (grant !== undefined) this.#upstream.ready().catch(() => undefined);
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
      this.#doorRequest({ janus: 'destroy', session_id: sessionId });
      this.#state.endSession(sessionId);
      this.#reply({ janus: 'timeout', session_id: sessionId });
    }
    this.#idleCheck();
  }

  /** Detaches the handles watching a camera that was deleted. */
  cameraRemoved(cameraId: string): void {
    for (const [sessionId, handleId] of this.#state.watching(cameraId)) {
      this.#state.endHandle(sessionId, handleId);
      this.#doorRequest({ janus: 'detach', session_id: sessionId, handle_id: handleId });
      this.#reply({ janus: 'detached', session_id: sessionId, sender: handleId });
    }
  }

  /** Ends the streams of the handles watching a camera that moved off their gateway: their players watch again. */
  cameraMoved(cameraId: string): void {
    for (const [sessionId, handleId] of this.#state.watching(cameraId)) {
      const handle = this.#state.handle(sessionId, handleId);
      if (handle === undefined || handle.hold !== undefined || this.#links.onHoldingGateway(handle)) continue;
      this.#enqueue(handle, () => {
        this.#streamEnded(sessionId, handleId, 'The camera moved to another gateway: watch it again');
        return Promise.resolve();
      });
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
      case 'attach':
        if (this.#expect(decision.request, decision)) this.#toJanus(decision.request);
        return;
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
      const cancelled = hold.signal.aborted && 'The watch was cancelled before the camera was ready';
      const why = cancelled || (await this.#links.relayWatch(decision, handle, this.#upstream));
      if (why === undefined) return;
      if (!cancelled) handle.cameraId = undefined;
      this.#reply(janusError(decision.request.transaction, DoorCode.Unavailable, why, decision.sessionId));
    });
  }

  /** Ends a handle's stream where it plays and tells the viewer (as Janus does when a mountpoint goes away). */
  #streamEnded(sessionId: number, handleId: number, reason: string): void {
    const handle = this.#state.handle(sessionId, handleId);
    if (handle === undefined) return;
    if (handle.via === undefined)
      this.#doorRequest({ janus: 'hangup', session_id: sessionId, handle_id: handleId });
    else handle.via.detach(sessionId, handleId);
    handle.via = undefined;
    // A watch waiting for its camera meanwhile is the viewer's next stream: left to go ahead.
    if (handle.hold !== undefined) return;
    handle.cameraId = undefined;
    for (const message of streamEnded(sessionId, handleId, reason)) this.#reply(message);
  }

  #forward({ request, sessionId, handleId, ends }: Extract<Decision, { kind: 'forward' }>): void {
    if (ends === 'session') this.#state.endSession(sessionId);
    const handle = handleId === undefined ? undefined : this.#state.handle(sessionId, handleId);
    if (handle === undefined) {
      if (request.janus === 'keepalive') this.#links.keepalive(sessionId);
      this.#toJanus(request);
      return;
    }
    const via = handle.via;
    // A hangup or detach cancels a watch still waiting for its camera, and goes first.
    if (request.janus === 'hangup' || request.janus === 'detach') {
      handle.hold?.abort();
      handle.cameraId = undefined;
    }
    if (ends === 'handle' && handleId !== undefined) this.#state.endHandle(sessionId, handleId);
    this.#enqueue(handle, () => {
      // A handle relayed to another gateway: its detach is answered by the station's Janus (where the viewer's
      // handle is), everything else by that gateway.
      if (via === undefined || request.janus === 'detach') this.#toJanus(request);
      else via.send(request);
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
    this.#upstream.ready().then(
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

  /** Arms the idle timer while the connection holds no session (and none is being created); disarms it otherwise. */
  #idleCheck(): void {
    if (!this.#closed) this.#idle.update(this.#state.sessions.size > 0 || this.#state.waiting > 0);
  }

  /** One of the door's own requests to the station's Janus (its answer stays at the door). */
  #doorRequest(request: WireMessage): void {
    this.#toJanus({ ...request, transaction: `${this.#doorPrefix}${++this.#doorRequests}` });
  }

  #toJanus(request: WireMessage): void {
    this.#upstream.send(request);
  }

  #reply(message: WireMessage): void {
    if (!this.#closed) this.#client.send(JSON.stringify(message));
  }

  #end(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#lifetime.abort();
    this.#idle.stop();
    this.#state.clear();
    this.#links.close();
    this.#upstream.close();
    this.#context.ended();
  }
}
