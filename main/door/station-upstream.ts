// A door connection's WebSocket to the station's own Janus, where its viewer's sessions and handles live: opened
// once (again after a failed try), requests sent with the station's API secret, and what Janus sends passed on
// unread unless the door has something to learn from it (answers to creates and attaches, sessions and handles
// ended) or it answers one of the door's own requests (kept here).
import type { SocketLike } from '../janus/transport/ws';
import { janusMessage, type WireMessage } from './janus-wire';
import type { UpstreamHandlers } from './upstream';

/** Janus ending a session or a handle: the door forgets it. */
const ENDINGS = /"janus"\s*:\s*"(?:timeout|detached)"/;

/** What the connection gives its upstream. */
export interface StationUpstreamDeps {
  /** Opens the WebSocket (waiting, within the hold, for Janus to be up). */
  open(handlers: UpstreamHandlers): Promise<SocketLike>;
  apiSecret(): string | undefined;
  /** Transactions of the door's own requests start with this. */
  readonly prefix: string;
  /** Whether the door waits for answers (then every message is read). */
  waiting(): boolean;
  /** A message the door learns from, before it goes to the viewer. */
  learn(message: WireMessage): void;
  /** Text for the viewer. */
  toViewer(text: string): void;
  /** Janus closed the socket. */
  gone(): void;
}

/** The connection's WebSocket to the station's Janus. */
export class StationUpstream {
  readonly #deps: StationUpstreamDeps;
  #socket: SocketLike | undefined;
  #opening: Promise<void> | undefined;
  #closed = false;

  constructor(deps: StationUpstreamDeps) {
    this.#deps = deps;
  }

  /** Resolves once the socket is open (opening it on the first call, or again after a failed try). */
  ready(): Promise<void> {
    const handlers: UpstreamHandlers = {
      message: (text) => {
        this.#fromJanus(text);
      },
      close: () => {
        this.#deps.gone();
      },
    };
    this.#opening ??= this.#deps.open(handlers).then(
      (socket) => {
        if (this.#closed) socket.close(1000, 'viewer gone');
        else this.#socket = socket;
      },
      (error: unknown) => {
        this.#opening = undefined;
        throw error;
      },
    );
    return this.#opening;
  }

  /** Sends a request with the API secret (dropped before the socket is open). */
  send(request: WireMessage): void {
    const secret = this.#deps.apiSecret();
    this.#socket?.send(JSON.stringify(secret === undefined ? request : { ...request, apisecret: secret }));
  }

  /** Closes the socket (Janus ends the sessions of a WebSocket that closed); idempotent. */
  close(): void {
    this.#closed = true;
    this.#socket?.close(1000, 'viewer gone');
    this.#socket = undefined;
  }

  #fromJanus(text: string): void {
    if (this.#closed) return;
    // Most of what Janus sends (events, media, trickles) teaches the door nothing: passed on unread.
    if (!this.#deps.waiting() && !text.includes(this.#deps.prefix) && !ENDINGS.test(text)) {
      this.#deps.toViewer(text);
      return;
    }
    const message = janusMessage(text);
    if (message === undefined) return;
    // Answers to the door's own requests (a revocation's destroy, a deleted camera's detach) stay here.
    const { transaction } = message;
    if (typeof transaction === 'string' && transaction.startsWith(this.#deps.prefix)) return;
    this.#deps.learn(message);
    this.#deps.toViewer(text);
  }
}
