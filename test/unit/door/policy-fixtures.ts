// What the door policy's table tests decide on: two cameras, the tokens the door knows, connections.
import { expect } from 'vitest';

import { fullGrant, type Credential, type Grant } from '../../../main/door/credential';
import type { ConnectionView, Decision, PolicyLookups } from '../../../main/door/policy';

const KEY: Credential = { id: 'key_view', alive: () => true };
const OTHER: Credential = { id: 'key_other', alive: () => true };

/** Everything the view key may view. */
export const ALL = fullGrant(KEY);
/** A ticket of the view key for the lobby camera. */
export const LOBBY_ONLY: Grant = { credential: KEY, cameras: new Set(['lobby']) };
const FOREIGN_TICKET: Grant = { credential: OTHER, cameras: new Set(['lobby']) };

/** Two cameras (lobby: stream 11; gate: stream 22, disabled) and the tokens the door knows. */
export const lookups: PolicyLookups = {
  grantOf: (token) =>
    ({ vigil_view_key: ALL, 'ticket-lobby': LOBBY_ONLY, 'ticket-other': FOREIGN_TICKET })[token],
  mountpoint: (id) =>
    ({
      11: { cameraId: 'lobby', pin: 'pin-lobby', enabled: true },
      22: { cameraId: 'gate', pin: 'pin-gate', enabled: false },
    })[id],
};

/** Small per-connection caps. */
export const limits = { sessionsPerConnection: 2, handlesPerSession: 3 };

/** A connection with session 1 (handles 10: as `grant`, 20: lobby only) opened with `grant`. */
export function connection(grant: Grant = ALL, own?: Grant): ConnectionView {
  const handles = new Map([
    [10, { grant }],
    [20, { grant: LOBBY_ONLY }],
  ]);
  return { connection: own, sessions: new Map([[1, { grant, handles }]]) };
}

/** A connection that authenticated nothing yet. */
export const anonymous: ConnectionView = { connection: undefined, sessions: new Map() };

/** A connection at its caps: two sessions, the first with three handles. */
export const full: ConnectionView = {
  connection: ALL,
  sessions: new Map([
    [
      1,
      {
        grant: ALL,
        handles: new Map([
          [10, { grant: ALL }],
          [11, { grant: ALL }],
          [12, { grant: ALL }],
        ]),
      },
    ],
    [2, { grant: ALL, handles: new Map() }],
  ]),
};

/** The transaction of every message here. */
export const tx = 't1';

/** A plugin message on session 1, handle 10. */
export function message(body: object, extra: object = {}): Record<string, unknown> {
  return { janus: 'message', session_id: 1, handle_id: 10, transaction: tx, body, ...extra };
}

/** The refusal with this code and a reason matching `reason`. */
export function refused(code: number, reason: RegExp, sessionId?: number): Decision {
  return {
    kind: 'refuse',
    reply: {
      janus: 'error',
      ...(sessionId === undefined ? {} : { session_id: sessionId }),
      transaction: tx,
      error: { code, reason: expect.stringMatching(reason) as string },
    },
  };
}
