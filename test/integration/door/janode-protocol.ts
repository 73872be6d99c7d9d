/** A command to the janode worker (janode-worker.ts); `name`s label what it creates, for later commands and events. */
export type JanodeCommand =
  | { op: 'connect'; name: string; url: string; token?: string; headers?: Record<string, string> }
  | { op: 'create'; name: string; connection: string }
  | { op: 'attach'; name: string; session: string }
  | { op: 'request'; handle: string; method: string; args: Record<string, unknown> }
  | { op: 'destroy'; session: string }
  | { op: 'close'; connection: string };

/** An event janode reported: a connection closed, a session destroyed, a handle detached (at: ms epoch). */
export interface JanodeEvent {
  event: 'connection_closed' | 'session_destroyed' | 'handle_detached';
  name: string;
  at: number;
}
