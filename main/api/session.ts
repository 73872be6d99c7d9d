// Browser sign-in, Jupyter-style: `vigil serve` prints a link with a one-time token; opening it trades the
// token for a session cookie and redirects to `/`, so the token leaves the address bar and the history. The
// cookie is HttpOnly (no script, so no key, ever reaches the page), SameSite=Strict and Path=/, and counts as a
// manage key for the desk. CSRF: SameSite=Strict keeps the cookie off requests other sites start; since other
// ports of the same host are the same *site*, a cookie-authenticated change must also come with an Origin equal
// to the station's own (scheme://Host, the Host already checked) and a JSON body type, which no cross-origin
// page can send without a CORS preflight this API never grants with credentials. Tokens and sessions are kept
// hashed (browser-sessions.ts), on disk for `vigil serve`, so a restart signs nobody out.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

import { MessageBody } from '../../common/answers';
import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import { SLUG } from '../../common/patterns';
import type { BrowserSessions } from './browser-sessions';
import { bearer, errorResponses } from './routes/schemas';
import type { ApiKey } from './types';

/** The session cookie's name. */
export const SESSION_COOKIE = 'vigil_session';

const MUTATIONS = new Set(['POST', 'PATCH', 'DELETE']);

/**
 * Refuses (403) a cookie-authenticated change that does not come from the station's own page: its Origin must be
 * the station's own (scheme://Host) and its body type JSON.
 */
function assertOwnPage(request: FastifyRequest): void {
  const { origin, host } = request.headers;
  const sameOrigin = origin === `http://${host ?? ''}` || origin === `https://${host ?? ''}`;
  const json = /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
  if (!sameOrigin || !json) {
    throw new VigilError(
      ErrorCode.Forbidden,
      "A signed-in browser may change things only from the station's own page, with a JSON body",
    );
  }
}

/**
 * The key a request's session cookie stands for, or undefined without a live one. A cookie-authenticated
 * change (POST/PATCH/DELETE) without the station's own Origin and a JSON content type is refused (403).
 */
export function sessionKey(request: FastifyRequest, sessions: BrowserSessions): ApiKey | undefined {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined || sessionId === '') return undefined;
  const key = sessions.verify(sessionId);
  if (key !== undefined && MUTATIONS.has(request.method)) assertOwnPage(request);
  return key;
}

/** Where a sign-in lands: `/`, or `/?wall=NAME` when the link named a wall (a kiosk opening its named wall). */
function wallHome(request: FastifyRequest): string {
  const { wall } = request.query as { wall?: unknown };
  return typeof wall === 'string' && new RegExp(SLUG.pattern).test(wall) ? `/?wall=${wall}` : '/';
}

/**
 * Handles `GET /?token=…`: a live token sets the session cookie and redirects (303) to `/` (`/?wall=NAME` for a
 * named wall), and so does a spent one when the browser is already signed in; otherwise resolves false (the
 * caller explains the dead link).
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
    .header('location', wallHome(request))
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send();
  runInBackground(sent, (error: unknown) => {
    request.log.warn({ err: error }, 'sign-in redirect not sent');
  });
  return true;
}

const SignInLink = Type.Object({
  url: Type.String({ description: 'The link to open, on the URL this request reached the station at' }),
  path: Type.String({ description: 'The same link relative to the station URL: /?token=…' }),
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
        summary:
          "Sign this browser out (ends its session and clears the cookie); only from the station's own page",
        response: { 200: MessageBody, ...errorResponses },
      },
    },
    (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      // Other ports of this host are the same site, so SameSite alone would let their pages sign the wall out.
      if (sessionId !== undefined && sessionId !== '') {
        assertOwnPage(request);
        sessions.end(sessionId);
      }
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
    (request) => {
      const { token, expiresAt } = sessions.issueToken();
      const path = `/?token=${token}`;
      // The Host header was checked against the station's names before this runs.
      const url = `${request.protocol}://${request.host}${path}`;
      return { url, path, expires_at: expiresAt.toISOString() };
    },
  );
  done();
};
