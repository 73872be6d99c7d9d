import type { FastifyReply, FastifyRequest } from 'fastify';

import { ErrorCode, VigilError } from '../../common/errors';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether a bind address only accepts local connections. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** A host as it appears in a Host header (IPv6 literals in brackets), lower-cased. */
function headerForm(host: string): string {
  const h = host.toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}

/**
 * The Host header values the API accepts: the bind host, and the loopback names when bound to loopback,
 * each with and without the port, plus the extra names (taken as given, and with the port).
 */
export function allowedHostSet(
  bind: { host: string; port: number },
  extra: readonly string[] = [],
): Set<string> {
  const names = [headerForm(bind.host), ...(isLoopback(bind.host) ? LOOPBACK_NAMES : [])];
  const allowed = new Set<string>();
  for (const name of [...names, ...extra.map((e) => e.toLowerCase())]) {
    allowed.add(name);
    allowed.add(`${name}:${bind.port}`);
  }
  return allowed;
}

/** Whether a Host header is allowed; the port the connection actually arrived on counts as the bind port. */
export function hostAllowed(
  host: string | undefined,
  allowed: ReadonlySet<string>,
  localPort?: number,
): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  if (allowed.has(h)) return true;
  if (localPort === undefined) return false;
  const suffix = `:${localPort}`;
  return h.endsWith(suffix) && allowed.has(h.slice(0, -suffix.length));
}

/** An `onRequest` hook that refuses foreign Host headers (DNS rebinding) before anything else runs. */
export function hostCheck(allowed: ReadonlySet<string>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!hostAllowed(request.headers.host, allowed, request.socket.localPort)) {
      throw new VigilError(
        ErrorCode.HostNotAllowed,
        'This Host header is not allowed; add it to the allowed hosts',
      );
    }
  };
}
