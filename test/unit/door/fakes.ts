// Stand-ins for the door's unit tests: the station as the door sees it, a Janus behind WebSocket sockets that
// answers like Janus does, and a viewer's end of a connection.
import type { StationEvent } from '../../../common/events';
import type { DoorClient } from '../../../main/door/connection-context';
import type { DoorStation } from '../../../main/door/door-station';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import type { SocketFactory, SocketHandlers, SocketLike } from '../../../main/janus/transport/ws';

type Message = Record<string, unknown>;

/** The station: cameras lobby (mountpoint 11) and gate (22); Janus up; every mountpoint ready unless told. */
export class FakeDoorStation implements DoorStation {
  janusUp = true;
  readonly ready = new Set(['lobby', 'gate']);
  readonly #events = new Set<(event: StationEvent) => void>();
  readonly #readyListeners = new Set<(cameraId: string) => void>();

  stream(cameraId: string): ReturnType<DoorStation['stream']> {
    const id = cameraId === 'lobby' ? 11 : 22;
    return {
      camera_id: cameraId,
      stream_id: id,
      janus_url: 'ws://127.0.0.1:3000/janus',
      websocket_url: 'ws://127.0.0.1:3000/janus',
      plugin: 'janus.plugin.streaming',
      ice_servers: [],
      stream_info: { id, type: 'rtsp', description: cameraId },
    };
  }

  mountpoint(id: number): ReturnType<DoorStation['mountpoint']> {
    if (id === 11) return { cameraId: 'lobby', pin: 'pin-lobby', enabled: true };
    if (id === 22) return { cameraId: 'gate', pin: 'pin-gate', enabled: true };
    return undefined;
  }

  isReady(cameraId: string): boolean {
    return this.ready.has(cameraId);
  }

  onReady(listener: (cameraId: string) => void): () => void {
    this.#readyListeners.add(listener);
    return () => this.#readyListeners.delete(listener);
  }

  gatewayEndpoints(): ReturnType<DoorStation['gatewayEndpoints']> {
    return {
      urls: {
        http: 'http://127.0.0.1:8088/janus',
        ws: 'ws://127.0.0.1:8188',
        adminHttp: 'http://127.0.0.1:7088/admin',
      },
      secrets: { apiSecret: 'the-api-secret', adminSecret: 'admin', streamingAdminKey: 'key' },
      origin: 'http://127.0.0.1:3000',
    };
  }

  /** Cluster: the gateway holding each camera (absent: the station's own); `null`: none holds it now. */
  readonly placed = new Map<string, GatewayEndpoints | null>();

  endpointsFor(cameraId: string): GatewayEndpoints | undefined {
    const placed = this.placed.get(cameraId);
    return placed === undefined ? this.gatewayEndpoints() : (placed ?? undefined);
  }

  /** Cluster: cameras whose gateway is at its most viewers, with the reason the door gives. */
  readonly full = new Map<string, string>();

  refusesViewers(cameraId: string): string | undefined {
    return this.full.get(cameraId);
  }

  onEvent(listener: (event: StationEvent) => void): () => void {
    this.#events.add(listener);
    return () => this.#events.delete(listener);
  }

  /** Announces a station event. */
  emit(event: StationEvent): void {
    for (const listener of [...this.#events]) listener(event);
  }

  /** A camera's mountpoint exists (again). */
  makeReady(cameraId: string): void {
    this.ready.add(cameraId);
    for (const listener of [...this.#readyListeners]) listener(cameraId);
  }

  /** How many listeners the door left on the station. */
  get listeners(): number {
    return this.#events.size + this.#readyListeners.size;
  }
}

/** One WebSocket to the fake Janus: records what the door sent, answers like Janus. */
export class FakeUpstream implements SocketLike {
  readonly sent: Message[] = [];
  isOpen = false;
  closed: { code: number; reason: string } | undefined;
  readonly #handlers: SocketHandlers;
  #ids: number;

  constructor(
    readonly url: string,
    readonly origin: string | undefined,
    handlers: SocketHandlers,
    firstId = 1000,
  ) {
    this.#handlers = handlers;
    this.#ids = firstId;
  }

  send(data: string): void {
    const message = JSON.parse(data) as Message;
    this.sent.push(message);
    const { janus, transaction, session_id: sessionId } = message;
    const body = message.body as Message | undefined;
    if (janus === 'create' || janus === 'attach') {
      this.reply({
        janus: 'success',
        transaction,
        ...(sessionId ? { session_id: sessionId } : {}),
        data: { id: ++this.#ids },
      });
    } else if (janus === 'message' && body?.request === 'watch') {
      this.reply({ janus: 'ack', session_id: sessionId, transaction });
      this.reply({
        janus: 'event',
        session_id: sessionId,
        sender: message.handle_id,
        transaction,
        plugindata: {
          plugin: 'janus.plugin.streaming',
          data: { streaming: 'event', result: { status: 'preparing' } },
        },
        jsep: { type: 'offer', sdp: 'v=0' },
      });
    } else {
      this.reply({ janus: janus === 'keepalive' ? 'ack' : 'success', session_id: sessionId, transaction });
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.isOpen = false;
  }

  /** Janus sends a message. */
  reply(message: Message): void {
    this.#handlers.message(JSON.stringify(message));
  }

  /** Opens the socket (the door's connect resolves). */
  open(): void {
    this.isOpen = true;
    this.#handlers.open();
  }

  /** Janus goes away (or refuses the handshake, before `open`). */
  drop(code = 1006): void {
    this.isOpen = false;
    this.#handlers.close(code, '');
  }

  /** The requests of one kind the door sent. */
  requests(janus: string): Message[] {
    return this.sent.filter((message) => message.janus === janus);
  }
}

/**
 * A socket factory for the fake Janus; sockets open at once unless `refuse` is set (Janus down). Each socket's
 * Janus numbers its sessions and handles from its own thousand (1001…, 2001…), so ids tell where they came from.
 */
export class FakeJanusSockets {
  readonly sockets: FakeUpstream[] = [];
  refuse = false;
  readonly factory: SocketFactory = (url, _protocol, handlers, origin) => {
    const socket = new FakeUpstream(url, origin, handlers, 1000 * (this.sockets.length + 1));
    this.sockets.push(socket);
    queueMicrotask(() => {
      if (this.refuse) socket.drop();
      else socket.open();
    });
    return socket;
  };

  /** The latest socket to a URL. */
  to(url: string): FakeUpstream {
    const socket = this.sockets.findLast((candidate) => candidate.url === url);
    if (socket === undefined) throw new Error(`no socket to ${url} yet`);
    return socket;
  }

  /** The latest socket. */
  last(): FakeUpstream {
    const socket = this.sockets.at(-1);
    if (socket === undefined) throw new Error('no socket to Janus yet');
    return socket;
  }
}

/** A viewer's end: what the door sent it, and how the door closed it. */
export class FakeViewer implements DoorClient {
  readonly received: Message[] = [];
  closed: { code: number; reason: string } | undefined;

  send(text: string): void {
    this.received.push(JSON.parse(text) as Message);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  /** The last message with this transaction. */
  answer(transaction: string): Message | undefined {
    return this.received.findLast((message) => message.transaction === transaction);
  }
}
