// The wall in browser mode: `GET /` gives browsers (Accept: text/html) the built wall's index.html under a
// strict CSP, `/assets/*` its files, `/sdk/*` the VAS SDK module; API clients keep the seed's JSON at `/`.
// Everything here is public: the page holds no secret, and it signs in through the session cookie.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { runInBackground } from '../../../common/background';
import { ErrorCode, VigilError } from '../../../common/errors';
import type { StationService } from '../../station/service';
import type { BrowserSessions } from '../browser-sessions';
import { signIn } from '../session';
import { errnoOf } from '../../store/store-errors';

/** Where the built wall and SDK are (electron-vite writes `out/renderer`; the SDK build `out/sdk`). */
export interface WallFiles {
  /** The folder holding the wall's index.html and assets/. */
  dir: string;
  /** The folder holding vas-client.js (and .d.ts). */
  sdkDir: string;
}

/** Answers `GET /` for browsers and sign-in links (resolving true); false lets the route answer its JSON. */
export type HomeHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | undefined,
) => Promise<boolean>;

const NOT_BUILT = 'The wall is not built: run npm run build, then reload this page.';
const DEAD_LINK =
  'This sign-in link was already used or has expired. Open the newest link printed by vigil serve ' +
  '(a manage key can make one: POST /session/signin-link).';

/** Whether an Accept header asks for HTML before JSON (browsers navigating do; fetch and curl send `*\/*`). */
export function prefersHtml(accept: string | undefined): boolean {
  const q = (type: string): number => {
    for (const part of (accept ?? '').split(',')) {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      if (range?.trim() !== type) continue;
      const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return weight === undefined ? 1 : Number(weight);
    }
    return 0;
  };
  const html = q('text/html');
  return html > 0 && html >= q('application/json');
}

/** The wall page's Content-Security-Policy: only this station, and its Janus door's WebSocket origin (`ws://` + the station's host). */
export function wallCsp(gateway: { janus_url: string; websocket_url: string }): string {
  const janus = [gateway.janus_url, gateway.websocket_url].flatMap((url) => {
    try {
      const { protocol, host } = new URL(url);
      return [`${protocol}//${host}`];
    } catch {
      return [];
    }
  });
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src ${["'self'", ...new Set(janus)].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function messagePage(text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigil</title></head><body><p>${escapeHtml(text)}</p></body></html>\n`;
}

/** The handler `GET /` consults first: sign-in links, then the wall's page for browsers. */
export function homePage(deps: {
  station: Pick<StationService, 'gatewayUrls'>;
  sessions?: BrowserSessions | undefined;
  wall?: WallFiles | undefined;
}): HomeHandler {
  const { station, sessions, wall } = deps;
  return async (request, reply, token) => {
    const html = prefersHtml(request.headers.accept);
    // A reply is thenable (it settles when sent), so it is never what this async function returns.
    const page = (status: number, body: string): true => {
      const sent = reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('content-security-policy', wallCsp(station.gatewayUrls()))
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-store')
        .send(body);
      runInBackground(sent, (error: unknown) => {
        request.log.warn({ err: error }, 'wall page not sent');
      });
      return true;
    };
    if (token !== undefined && sessions !== undefined) {
      if (signIn(request, reply, sessions, token)) return true;
      if (html) return page(401, messagePage(DEAD_LINK));
      throw new VigilError(ErrorCode.Unauthenticated, DEAD_LINK);
    }
    if (!html || wall === undefined) return false;
    try {
      const index = await readFile(join(wall.dir, 'index.html'), 'utf8');
      return page(200, index);
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error;
      return page(503, messagePage(NOT_BUILT));
    }
  };
}

/**
 * The path of a public file request; a source map is never served (404), even from an older build that made one:
 * the builds make none, and these routes need no key.
 */
function publicFile(request: FastifyRequest): string {
  const path = (request.params as { '*': string })['*'];
  if (/\.map$/i.test(path)) throw new VigilError(ErrorCode.NotFound, 'Source maps are not served');
  return path;
}

/** `/assets/*` (the wall's built files, cached for good: their names carry a hash) and `/sdk/*` (the SDK). */
export const wallRoutes: FastifyPluginAsyncTypebox<WallFiles> = async (app, files) => {
  await app.register(fastifyStatic, { serve: false });
  const open = { access: 'public' } as const;

  app.get('/assets/*', { config: open, schema: { hide: true } }, (request, reply) => {
    const path = publicFile(request);
    return reply.sendFile(path, join(files.dir, 'assets'), { immutable: true, maxAge: '365d' });
  });

  app.get(
    '/sdk/*',
    { config: open, schema: { tags: ['system'], summary: 'The VAS JS SDK (vas-client.js, .d.ts)' } },
    async (request, reply) => {
      const path = publicFile(request);
      const built = await access(join(files.sdkDir, 'vas-client.js')).then(
        () => true,
        () => false,
      );
      if (!built) throw new VigilError(ErrorCode.NotFound, 'The SDK is not built: run npm run build');
      // The mime table takes .ts for an MPEG transport stream.
      if (!path.endsWith('.d.ts')) return reply.sendFile(path, files.sdkDir, { maxAge: 0 });
      reply.type('application/typescript; charset=utf-8');
      return reply.sendFile(path, files.sdkDir, { maxAge: 0, contentType: false });
    },
  );
};
