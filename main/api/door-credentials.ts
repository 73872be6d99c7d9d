// The credentials the Janus door works with, from what the REST API already checked: a bearer key, or a browser
// session (cookie). A session stays alive for the door while it does for the API (sign-out or expiry end it).
import type { FastifyRequest } from 'fastify';

import { ErrorCode, VigilError } from '../../common/errors';
import { keyCredential, type Credential, type KeyRegistry } from '../door/credential';
import type { BrowserSessions } from './browser-sessions';
import { SESSION_COOKIE } from './session';
import type { ApiKey } from './types';

/** A browser session as a door credential: alive while the session is (each check counts as use, as a request does). */
export function sessionCredential(sessionId: string, key: ApiKey, sessions: BrowserSessions): Credential {
  return { id: key.id, alive: () => sessions.verify(sessionId) !== undefined };
}

/** The credential behind an authenticated request: its bearer key, or (without an Authorization header) its session. */
export function requestCredential(
  request: FastifyRequest,
  keys: KeyRegistry,
  sessions: BrowserSessions | undefined,
): Credential {
  const key = request.apiKey;
  if (key === undefined) throw new VigilError(ErrorCode.Unauthenticated, 'This request needs an API key');
  // The auth hook takes the Authorization header first and the cookie only without one: so does this.
  const sessionId =
    request.headers.authorization === undefined && sessions !== undefined
      ? request.cookies[SESSION_COOKIE]
      : undefined;
  return sessionId !== undefined && sessions !== undefined
    ? sessionCredential(sessionId, key, sessions)
    : keyCredential(key.id, keys);
}
