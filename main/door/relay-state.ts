// What one door connection holds on Janus: its sessions (each with the grant it was opened with), their handles
// (with the camera each watches), and the creates and attaches Janus has not answered yet. The ids come from
// Janus's answers, so a viewer can only ever name sessions and handles this connection created.
import type { Credential, Grant } from './credential';
import { isJanusId, isObject, type WireMessage } from './janus-wire';
import type { RemoteGateway } from './remote-gateway';

/** A handle of a session. */
export interface HandleState {
  readonly grant: Grant;
  /** The camera it watches (or waits to watch). */
  cameraId: string | undefined;
  /** The watch waiting for its camera's mountpoint; a hangup or detach cancels it. */
  hold: AbortController | undefined;
  /** This handle's messages, in order: a held watch delays what follows it, on this handle only. */
  queue: Promise<void>;
  /** Cluster: the other gateway its watch is relayed to (undefined: the station's own Janus). */
  via: RemoteGateway | undefined;
}

/** A session of the connection. */
export interface SessionState {
  readonly grant: Grant;
  readonly handles: Map<number, HandleState>;
}

/** A create or attach waiting for Janus's answer. */
export type Pending = { kind: 'create'; grant: Grant } | { kind: 'attach'; sessionId: number; grant: Grant };

/** The sessions, handles and unanswered requests of one connection. */
export class RelayState {
  /** The connection's sessions by Janus id. */
  readonly sessions = new Map<number, SessionState>();
  readonly #pending = new Map<string, Pending>();
  /** A session's slot of its credential's cap is free again (the session ended, or its create failed). */
  readonly #released: (credentialId: string) => void;
  /** A session ended (its handles' real handles on other gateways go with it). */
  readonly #sessionEnded: (sessionId: number) => void;

  constructor(released: (credentialId: string) => void, sessionEnded: (sessionId: number) => void) {
    this.#released = released;
    this.#sessionEnded = sessionEnded;
  }

  /** How many creates and attaches wait for Janus. */
  get waiting(): number {
    return this.#pending.size;
  }

  /** The credentials of the sessions, open or being created. */
  credentials(): Credential[] {
    return [...this.sessions.values(), ...this.#pending.values()].map((held) => held.grant.credential);
  }

  /** Remembers a create or attach until Janus answers it. */
  expect(transaction: string, pending: Pending): void {
    this.#pending.set(transaction, pending);
  }

  /** A create that never reached Janus: its slot is freed. */
  abandon(transaction: string): void {
    const pending = this.#pending.get(transaction);
    this.#pending.delete(transaction);
    if (pending?.kind === 'create') this.#released(pending.grant.credential.id);
  }

  /** Learns from one message of Janus: the ids of answered creates and attaches, the sessions and handles it ended. */
  learn(message: WireMessage): void {
    const { janus, transaction, session_id: sessionId, sender } = message;
    const pending = typeof transaction === 'string' ? this.#pending.get(transaction) : undefined;
    if (pending !== undefined && (janus === 'success' || janus === 'error')) {
      this.#pending.delete(transaction as string);
      this.#settle(pending, janus === 'success' && isObject(message.data) ? message.data.id : undefined);
    }
    if (janus === 'timeout' && isJanusId(sessionId)) this.endSession(sessionId);
    if (janus === 'detached' && isJanusId(sessionId) && isJanusId(sender)) this.endHandle(sessionId, sender);
  }

  /** A handle of a session, if both exist. */
  handle(sessionId: number, handleId: number): HandleState | undefined {
    return this.sessions.get(sessionId)?.handles.get(handleId);
  }

  /** Forgets a session and cancels its held watches; its slot is freed. */
  endSession(sessionId: number): void {
    const session = this.sessions.get(sessionId);
    if (session === undefined) return;
    this.sessions.delete(sessionId);
    for (const handle of session.handles.values()) handle.hold?.abort();
    this.#sessionEnded(sessionId);
    this.#released(session.grant.credential.id);
  }

  /** Forgets a handle and cancels its held watch. */
  endHandle(sessionId: number, handleId: number): void {
    const session = this.sessions.get(sessionId);
    const handle = session?.handles.get(handleId);
    handle?.hold?.abort();
    handle?.via?.detach(sessionId, handleId);
    session?.handles.delete(handleId);
  }

  /** The handles watching (or waiting to watch) a camera, as [session id, handle id]. */
  watching(cameraId: string): [number, number][] {
    return [...this.sessions].flatMap(([sessionId, session]) =>
      [...session.handles].flatMap(([handleId, handle]) =>
        handle.cameraId === cameraId ? [[sessionId, handleId] as [number, number]] : [],
      ),
    );
  }

  /** The sessions opened with a credential. */
  sessionsOf(credentialId: string): number[] {
    return [...this.sessions].flatMap(([id, session]) =>
      session.grant.credential.id === credentialId ? [id] : [],
    );
  }

  /** Ends every session and unanswered create. */
  clear(): void {
    for (const sessionId of [...this.sessions.keys()]) this.endSession(sessionId);
    for (const transaction of [...this.#pending.keys()]) this.abandon(transaction);
  }

  #settle(pending: Pending, id: unknown): void {
    if (pending.kind === 'create') {
      if (isJanusId(id)) this.sessions.set(id, { grant: pending.grant, handles: new Map() });
      else this.#released(pending.grant.credential.id);
      return;
    }
    if (!isJanusId(id)) return;
    this.sessions.get(pending.sessionId)?.handles.set(id, {
      grant: pending.grant,
      cameraId: undefined,
      hold: undefined,
      queue: Promise.resolve(),
      via: undefined,
    });
  }
}
