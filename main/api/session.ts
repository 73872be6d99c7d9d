// Browser sign-in, Jupyter-style: `vigil serve` prints a link with a one-time token; opening it trades the
// token for a session cookie and redirects to `/`, so the token leaves the address bar and the history. The
// cookie is HttpOnly (no script, so no key, ever reaches the page), SameSite=Strict and Path=/, and counts as a
// manage key for the desk. CSRF: SameSite=Strict keeps the cookie off requests other sites start; since other
// ports of the same host are the same *site*, a cookie-authenticated change must also come with an Origin equal
// to the station's own (scheme://Host, the Host already checked) and a JSON body type, which no cross-origin
// page can send without a CORS preflight this API never grants with credentials. Tokens and sessions live in
// memory only (hashed): a restart signs every browser out and prints a fresh link.
import { createHash, randomBytes } from 'node:crypto';

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

import { MessageBody } from '../../common/answers';
import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import { bearer, errorResponses } from './routes/schemas';
import type { ApiKey } from './types';

/** The session cookie's name. */
export const SESSION_COOKIE = 'vigil_session';

const MUTATIONS = new Set(['POST', 'PATCH', 'DELETE']);

/** How long links and sessions live, and whether the cookie is marked Secure (the station is reached over https). */
export interface BrowserSessionOptions {
  /** A sign-in link works once, within this time (default 10 minutes). */
  tokenTtlMs?: number;
  /** A session ends after this long without a request (default 12 hours, renewed by every request). */
  sessionTtlMs?: number;
  /** Adds `Secure` to the cookie: set it when browsers reach the station over https. */
  secureCookie?: boolean;
  /** The clock (tests pass a fake one). */
  now?: () => number;
}

/** A fresh sign-in token and when it stops working. */
export interface SignInToken {
  token: string;
  expiresAt: Date;
}

/** One-time sign-in tokens and the browser sessions they open; both kept in memory, by SHA-256 only. */
export class BrowserSessions {
  readonly #tokens = new Map<string, number>();
  readonly #sessions = new Map<string, number>();
  readonly #tokenTtlMs: number;
  readonly #sessionTtlMs: number;
  readonly #now: () => number;
  /** Whether the cookie carries `Secure`. */
  readonly secureCookie: boolean;

  constructor(options: BrowserSessionOptions = {}) {
    this.#tokenTtlMs = options.tokenTtlMs ?? 10 * 60_000;
    this.#sessionTtlMs = options.sessionTtlMs ?? 12 * 60 * 60_000;
    this.#now = options.now ?? Date.now;
    this.secureCookie = options.secureCookie ?? false;
  }

  /** A new single-use token for a sign-in link (`/?token=…`). */
  issueToken(): SignInToken {
    this.#prune();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#now() + this.#tokenTtlMs;
    this.#tokens.set(digest(token), expiresAt);
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** Uses up a token: a new session id if it was live, else undefined (unknown, used or expired). */
  redeem(token: string): string | undefined {
    this.#prune();
    const key = digest(token);
    if (!this.#tokens.delete(key)) return undefined;
    const sessionId = randomBytes(32).toString('base64url');
    this.#sessions.set(digest(sessionId), this.#now() + this.#sessionTtlMs);
    return sessionId;
  }

  /** The session's key (scope manage) if the id is live, renewing its expiry; else undefined. */
  verify(sessionId: string): ApiKey | undefined {
    this.#prune();
    const key = digest(sessionId);
    if (!this.#sessions.has(key)) return undefined;
    this.#sessions.set(key, this.#now() + this.#sessionTtlMs);
    // The id names the session in logs and rate limits without revealing it.
    return { id: `session_${key.slice(0, 16)}`, scope: 'manage' };
  }

  /** Ends a session (sign-out); unknown ids are ignored. */
  end(sessionId: string): void {
    this.#sessions.delete(digest(sessionId));
  }

  #prune(): void {
    const now = this.#now();
    for (const map of [this.#tokens, this.#sessions]) {
      for (const [key, expiresAt] of map) if (expiresAt <= now) map.delete(key);
    }
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The key a request's session cookie stands for, or undefined without a live one. A cookie-authenticated
 * change (POST/PATCH/DELETE) without the station's own Origin and a JSON content type is refused (403).
 */
export function sessionKey(request: FastifyRequest, sessions: BrowserSessions): ApiKey | undefined {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return undefined;
  const key = sessions.verify(sessionId);
  if (key === undefined || !MUTATIONS.has(request.method)) return key;
  const { origin, host } = request.headers;
  const sameOrigin = origin === `http://${host ?? ''}` || origin === `https://${host ?? ''}`;
  const json = /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
  if (!sameOrigin || !json) {
    throw new VigilError(
      ErrorCode.Forbidden,
      "A signed-in browser may change things only from the station's own page, with a JSON body",
    );
  }
  return key;
}

/**
 * Handles `GET /?token=…`: a live token sets the session cookie and redirects (303) to `/`, and so does a spent
 * one when the browser is already signed in; otherwise resolves false (the caller explains the dead link).
 */
export function signIn(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: BrowserSessions,
  token: string,
): boolean {
  const sessionId = sessions.redeem(token);
  if (sessionId === undefined && sessionKey(request, sessions) === undefined) return false;
  if (sessionId !== undefined) {
    reply.setCookie(SESSION_COOKIE, sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: sessions.secureCookie,
    });
    request.log.info('browser signed in with a sign-in link');
  }
  const sent = reply
    .code(303)
    .header('location', '/')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send();
  runInBackground(sent, (error: unknown) => {
    request.log.warn({ err: error }, 'sign-in redirect not sent');
  });
  return true;
}

const SignInLink = Type.Object({
  path: Type.String({ description: 'Append to the station URL: /?token=…' }),
  expires_at: Type.String({ format: 'date-time' }),
});

/** `POST /session/logout` (ends the browser's session) and `POST /session/signin-link` (a new link, manage keys). */
export const sessionRoutes: FastifyPluginCallbackTypebox<{ sessions: BrowserSessions }> = (
  app,
  { sessions },
  done,
) => {
  app.post(
    '/session/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Sign this browser out (ends its session and clears the cookie)',
        response: { 200: MessageBody, ...errorResponses },
      },
    },
    (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId !== undefined) sessions.end(sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
      return { message: 'Signed out' };
    },
  );

  app.post(
    '/session/signin-link',
    {
      config: { access: 'manage' },
      schema: {
        tags: ['session'],
        summary: 'A new single-use browser sign-in link (the one printed at start lives 10 minutes)',
        security: bearer,
        response: { 200: SignInLink, ...errorResponses },
      },
    },
    () => {
      const { token, expiresAt } = sessions.issueToken();
      return { path: `/?token=${token}`, expires_at: expiresAt.toISOString() };
    },
  );
  done();
};
