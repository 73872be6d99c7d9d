import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

import { ErrorCode, VigilError } from '../../common/errors';
import type { BrowserSessions } from './browser-sessions';
import { sessionKey } from './session';
import type { Access, ApiKey, ApiKeyVerifier, Scope } from './types';

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/** The key in an `Authorization: Bearer <key>` header; `undefined` if absent or in another scheme. */
export function bearerKey(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/** The scopes each keyed access level admits (manage keys everything; alarm keys only alarms). */
const ADMITTED: Record<Exclude<Access, 'public' | 'optional'>, readonly Scope[]> = {
  manage: ['manage'],
  view: ['manage', 'view'],
  alarm: ['manage', 'alarm'],
  'alarm-read': ['manage', 'view', 'alarm'],
};

/** Whether a key's scope grants a route's access level. */
export function permits(key: ApiKey | undefined, access: Access): boolean {
  if (access === 'public' || access === 'optional') return true;
  return key !== undefined && ADMITTED[access].includes(key.scope);
}

/** Routes whose plugin cannot set `config.access` (Swagger UI's assets, CORS preflight) are public. */
export function defaultAccess(docsPrefix: string) {
  return (route: RouteOptions): void => {
    const { url } = route;
    const open = route.method === 'OPTIONS' || url === docsPrefix || url.startsWith(`${docsPrefix}/`);
    route.config = { ...route.config, access: route.config?.access ?? (open ? 'public' : 'manage') };
  };
}

function unauthenticated(reply: FastifyReply, message: string, invalid: boolean): VigilError {
  reply.header(
    'www-authenticate',
    invalid ? 'Bearer realm="vigil", error="invalid_token"' : 'Bearer realm="vigil"',
  );
  return new VigilError(ErrorCode.Unauthenticated, message);
}

/**
 * An `onRequest` hook: verifies the bearer key (if any) into `request.apiKey`, then answers 401 without a
 * needed key or with an unknown one, and 403 when the key's scope is too small. Unmatched routes pass to 404.
 * Without an Authorization header a browser's session cookie (see session.ts) stands in for a manage key.
 */
export function authenticate(keys: ApiKeyVerifier, sessions?: BrowserSessions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const header = request.headers.authorization;
    if (header === undefined) {
      request.apiKey = sessions === undefined ? undefined : sessionKey(request, sessions);
      if (request.apiKey !== undefined || access === 'optional') return;
      throw unauthenticated(reply, 'This request needs an API key: Authorization: Bearer <key>', false);
    }
    const presented = bearerKey(header);
    const key = presented === undefined ? undefined : keys.verify(presented);
    if (key === undefined) throw unauthenticated(reply, 'The API key is missing, malformed or unknown', true);
    request.apiKey = key;
    if (!permits(key, access)) {
      reply.header('www-authenticate', `Bearer realm="vigil", error="insufficient_scope", scope="${access}"`);
      throw new VigilError(
        ErrorCode.Forbidden,
        `This key's scope (${key.scope}) does not allow this request`,
      );
    }
  };
}
