// A door connection's link to one gateway of the cluster other than the station's own: one WebSocket, opened when
// a viewer first watches a camera that gateway holds. The viewer never sees it: its sessions and handles are the
// ones it made on the station's own Janus, and this link keeps, per viewer session, a real session on the gateway
// (kept alive by the viewer's keepalives, destroyed with it) and, per viewer handle routed here, a real streaming
// handle. Requests go out with the real ids and the gateway's API secret; what the gateway sends back comes in
// with the viewer's ids.
import type { Clock } from '../janus/clock';
import type { SocketLike } from '../janus/transport/ws';
import type { GatewayEndpoints } from '../gateway/gateway';
import { isJanusId, isObject, janusMessage, STREAMING_PLUGIN, type WireMessage } from './janus-wire';
import type { UpstreamHandlers } from './upstream';

/** What a link is given by its connection. */
export interface RemoteGatewayDeps {
  readonly endpoints: GatewayEndpoints;
  readonly clock: Clock;
  /** Transactions of the door's own requests start with this. */
  readonly prefix: string;
  /** Opens a WebSocket to a gateway (within the connection's hold). */
  open(handlers: UpstreamHandlers, gateway: GatewayEndpoints): Promise<SocketLike>;
  /** A message of the gateway, in the viewer's ids. */
  toViewer(message: WireMessage): void;
  /** The gateway ended a viewer handle's stream on its own: its socket closed, its session or handle ended. */
  lost(sessionId: number, handleId: number): void;
}

/** A viewer handle's real counterpart on the gateway. */
interface RealHandle {
  readonly session: number;
  readonly handle: number;
}

/** How long the door waits for the gateway to answer its own create or attach. */
const REQUEST_TIMEOUT_MS = 10_000;

/** Thrown when the gateway refuses or does not answer the door's create or attach. */
class RemoteGatewayError extends Error {
  override readonly name = 'RemoteGatewayError';
}

const handleKey = (sessionId: number, handleId: number): string => `${sessionId}/${handleId}`;

/** One connection's link to another gateway. */
export class RemoteGateway {
  readonly #deps: RemoteGatewayDeps;
  #socket: Promise<SocketLike> | undefined;
  /** Viewer session id → its real session's id (being created while a promise). */
  readonly #sessions = new Map<number, Promise<number>>();
  /** Real session id → viewer session id, for the sessions created already. */
  readonly #viewerSessions = new Map<number, number>();
  /** `viewerSession/viewerHandle` → the real handle. */
  readonly #handles = new Map<string, RealHandle>();
  /** Real handle id → [viewer session id, viewer handle id]. */
  readonly #viewerHandles = new Map<number, [number, number]>();
  /** The attaches under way, by `viewerSession/viewerHandle` (a detach meanwhile cancels one). */
  readonly #attaching = new Map<string, { cancelled: boolean }>();
  /** The door's own requests waiting for the gateway's answer, by transaction. */
  readonly #requests = new Map<string, (answer: WireMessage | undefined) => void>();
  #sent = 0;

  constructor(deps: RemoteGatewayDeps) {
    this.#deps = deps;
  }

  /** Where the gateway is. */
  get endpoints(): GatewayEndpoints {
    return this.#deps.endpoints;
  }

  /**
   * Gives a viewer handle a real handle here (opening the socket and the session first if needed); rejects when
   * the gateway cannot be reached or refuses, or the viewer let go of the handle meanwhile.
   */
  async attach(sessionId: number, handleId: number): Promise<void> {
    const key = handleKey(sessionId, handleId);
    if (this.#handles.has(key)) return;
    const attempt = { cancelled: false };
    this.#attaching.set(key, attempt);
    try {
      const session = await this.#session(sessionId);
      const answer = await this.#request({ janus: 'attach', session_id: session, plugin: STREAMING_PLUGIN });
      const handle = idOf(answer, 'attach');
      if (attempt.cancelled || !this.#sessions.has(sessionId)) {
        this.#send({ janus: 'detach', session_id: session, handle_id: handle, transaction: this.#own() });
        throw new RemoteGatewayError('the viewer let go of the handle');
      }
      this.#handles.set(key, { session, handle });
      this.#viewerHandles.set(handle, [sessionId, handleId]);
    } finally {
      if (this.#attaching.get(key) === attempt) this.#attaching.delete(key);
      this.#closeIfUnused();
    }
  }

  /** Relays a viewer's request on one of its handles routed here (dropped for any other). */
  send(request: WireMessage): void {
    const { session_id: sessionId, handle_id: handleId } = request;
    if (!isJanusId(sessionId) || !isJanusId(handleId)) return;
    const real = this.#handles.get(handleKey(sessionId, handleId));
    if (real !== undefined) this.#send({ ...request, session_id: real.session, handle_id: real.handle });
  }

  /** Detaches a viewer handle's real handle, if it has one here (or cancels its attach under way). */
  detach(sessionId: number, handleId: number): void {
    const attempt = this.#attaching.get(handleKey(sessionId, handleId));
    if (attempt !== undefined) attempt.cancelled = true;
    const real = this.#forgetHandle(sessionId, handleId);
    if (real !== undefined) {
      this.#send({
        janus: 'detach',
        session_id: real.session,
        handle_id: real.handle,
        transaction: this.#own(),
      });
    }
    this.#closeIfUnused();
  }

  /** Keeps a viewer session's real session alive (the viewer kept its own alive). */
  keepalive(sessionId: number): void {
    this.#onSession(sessionId, (session) => ({ janus: 'keepalive', session_id: session }));
  }

  /** Destroys a viewer session's real session and forgets its handles. */
  destroy(sessionId: number): void {
    this.#onSession(sessionId, (session) => ({ janus: 'destroy', session_id: session }));
    this.#forgetSession(sessionId);
    this.#closeIfUnused();
  }

  /** Closes the socket (the gateway ends the sessions of a WebSocket that closed). */
  close(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#sessions.clear();
    this.#viewerSessions.clear();
    this.#handles.clear();
    this.#viewerHandles.clear();
    this.#attaching.clear();
    for (const settle of [...this.#requests.values()]) settle(undefined);
    socket
      ?.then((open) => {
        open.close(1000, 'viewer gone');
      })
      .catch(() => undefined);
  }

  /** No viewer handle is (or is about to be) relayed here: the socket closes, and the gateway ends its sessions. */
  #closeIfUnused(): void {
    if (this.#socket !== undefined && this.#handles.size === 0 && this.#attaching.size === 0) this.close();
  }

  #session(sessionId: number): Promise<number> {
    let session = this.#sessions.get(sessionId);
    if (session === undefined) {
      session = this.#request({ janus: 'create' }).then((answer) => {
        const id = idOf(answer, 'create');
        this.#viewerSessions.set(id, sessionId);
        return id;
      });
      this.#sessions.set(sessionId, session);
      session.catch(() => {
        if (this.#sessions.get(sessionId) === session) this.#sessions.delete(sessionId);
      });
    }
    return session;
  }

  #onSession(sessionId: number, request: (session: number) => WireMessage): void {
    this.#sessions
      .get(sessionId)
      ?.then((session) => {
        this.#send({ ...request(session), transaction: this.#own() });
      })
      .catch(() => undefined);
  }

  /** Sends one of the door's own requests; resolves with the gateway's answer (undefined: none in time). */
  async #request(request: WireMessage): Promise<WireMessage | undefined> {
    await this.#connect();
    const transaction = this.#own();
    return new Promise((resolve) => {
      const cancel = this.#deps.clock.setTimeout(() => {
        settle(undefined);
      }, REQUEST_TIMEOUT_MS);
      const settle = (answer: WireMessage | undefined): void => {
        cancel();
        this.#requests.delete(transaction);
        resolve(answer);
      };
      this.#requests.set(transaction, settle);
      this.#send({ ...request, transaction });
    });
  }

  #connect(): Promise<SocketLike> {
    const handlers: UpstreamHandlers = {
      message: (text) => {
        this.#fromGateway(text);
      },
      close: () => {
        this.#gatewayGone();
      },
    };
    this.#socket ??= this.#deps.open(handlers, this.#deps.endpoints);
    const socket = this.#socket;
    socket.catch(() => {
      if (this.#socket === socket) this.#socket = undefined;
    });
    return socket;
  }

  #send(request: WireMessage): void {
    const secret = this.#deps.endpoints.secrets.apiSecret;
    const text = JSON.stringify(secret === undefined ? request : { ...request, apisecret: secret });
    this.#socket
      ?.then((socket) => {
        socket.send(text);
      })
      .catch(() => undefined);
  }

  #own(): string {
    return `${this.#deps.prefix}gw-${++this.#sent}`;
  }

  #fromGateway(text: string): void {
    const message = janusMessage(text);
    if (message === undefined) return;
    const { janus, transaction, session_id: session, sender } = message;
    if (typeof transaction === 'string' && transaction.startsWith(this.#deps.prefix)) {
      this.#requests.get(transaction)?.(message);
      return;
    }
    const viewerSession = isJanusId(session) ? this.#viewerSessions.get(session) : undefined;
    if (viewerSession === undefined) return;
    if (janus === 'timeout') {
      this.#forgetSession(viewerSession, true);
      this.#closeIfUnused();
      return;
    }
    const route = isJanusId(sender) ? this.#viewerHandles.get(sender) : undefined;
    if (sender !== undefined && route === undefined) return;
    if (janus === 'detached' && route !== undefined) {
      this.#forgetHandle(...route);
      this.#deps.lost(...route);
      this.#closeIfUnused();
      return;
    }
    this.#deps.toViewer({ ...message, session_id: viewerSession, ...(route ? { sender: route[1] } : {}) });
  }

  #forgetHandle(sessionId: number, handleId: number): RealHandle | undefined {
    const key = handleKey(sessionId, handleId);
    const real = this.#handles.get(key);
    if (real === undefined) return undefined;
    this.#handles.delete(key);
    this.#viewerHandles.delete(real.handle);
    return real;
  }

  /** Forgets a viewer session, its real session and its handles (lost: the gateway ended them). */
  #forgetSession(sessionId: number, lost = false): void {
    for (const [viewerSession, handleId] of [...this.#viewerHandles.values()]) {
      if (viewerSession !== sessionId) continue;
      this.#forgetHandle(viewerSession, handleId);
      if (lost) this.#deps.lost(viewerSession, handleId);
    }
    for (const [real, viewer] of [...this.#viewerSessions]) {
      if (viewer === sessionId) this.#viewerSessions.delete(real);
    }
    this.#sessions.delete(sessionId);
  }

  #gatewayGone(): void {
    const handles = [...this.#viewerHandles.values()];
    this.close();
    for (const [sessionId, handleId] of handles) this.#deps.lost(sessionId, handleId);
  }
}

/** The id a create or attach answer gives; throws for an error or no answer. */
function idOf(answer: WireMessage | undefined, what: string): number {
  if (answer?.janus === 'success' && isObject(answer.data) && isJanusId(answer.data.id))
    return answer.data.id;
  if (answer === undefined) throw new RemoteGatewayError(`the gateway did not answer the door's ${what}`);
  const reason = isObject(answer.error) ? String(answer.error.reason) : String(answer.janus);
  throw new RemoteGatewayError(`the gateway refused the door's ${what}: ${reason}`);
}
