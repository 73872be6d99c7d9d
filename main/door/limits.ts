/** The door's caps and timeouts; every one is logged and answered clearly when hit. */
export interface DoorLimits {
  /** Open door connections per credential. */
  connectionsPerCredential: number;
  /** Janus sessions per credential, across its connections. */
  sessionsPerCredential: number;
  /** Janus sessions one connection may hold. */
  sessionsPerConnection: number;
  /** Handles (tiles) one Janus session may hold. */
  handlesPerSession: number;
  /** Connections opened without a credential, waiting for a `create` with a token. */
  anonymousConnections: number;
  /** Creates and attaches one connection may have waiting for Janus's answer. */
  requestsInFlight: number;
  /** A connection holding no Janus session this long is closed (idle, or never authenticated). */
  idleMs: number;
  /** How long a create waits for Janus to be up, and a watch for its camera's mountpoint, before going ahead. */
  holdMs: number;
  /** The largest message a viewer may send (an SDP answer is a few KiB). */
  maxMessageBytes: number;
}

/**
 * The defaults. A wall window holds one Janus session with a handle per tile (25 at most, plus a re-watch each:
 * 64 handles), an SDK client one session; a desk runs a few walls and a VAS portal serves its operators through
 * one key's tickets, so 64 connections and 64 sessions per key or browser session leave room for tens of viewers
 * while one client can no longer open thousands of Janus sessions. The holds cover a Janus restart (≈1–2 s here)
 * within a tile's 15 s connect timeout; 15 s idle matches the station's other timeouts.
 */
export const DEFAULT_DOOR_LIMITS: DoorLimits = {
  connectionsPerCredential: 64,
  sessionsPerCredential: 64,
  sessionsPerConnection: 8,
  handlesPerSession: 64,
  anonymousConnections: 64,
  requestsInFlight: 32,
  idleMs: 15_000,
  holdMs: 10_000,
  maxMessageBytes: 64 * 1024,
};
