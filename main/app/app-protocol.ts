// The app's pages load from `vigil://wall/…`, not file://: a real origin (so IPC senders and Janus's CORS can
// be checked), every answer carries the wall's CSP, and only files inside the built renderer are served.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

import type { Protocol } from 'electron';

import type { RecordingService } from '../recording/service';
import { answerPlayback, playbackAsk } from './app-playback';

/** The app's URL scheme. */
export const APP_SCHEME = 'vigil';
/** The one host the scheme serves. */
export const APP_HOST = 'wall';
/** The origin of every app page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The wall's start page. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * A URL's scheme and host (`vigil://wall`), or undefined when it does not parse. WHATWG `URL.origin` is
 * "null" for schemes it doesn't know, so custom-scheme origins are compared this way.
 */
export function urlOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** Registers the scheme as standard and secure (call before `app` is ready). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/**
 * The file an app URL names inside `rootDir`, or undefined for another host, a path escaping the folder, or a
 * file type the wall doesn't have (`vigil://wall/` → index.html).
 */
export function resolveAppFile(url: string, rootDir: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const root = resolve(rootDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  if (!file.startsWith(`${root}${sep}`)) return undefined;
  return CONTENT_TYPES[extname(file)] === undefined ? undefined : file;
}

/**
 * Serves the built renderer on the scheme with `csp()` on every answer, and recorded playback from `recordings`
 * (see app-playback.ts); call once `app` is ready.
 */
export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  csp: () => string,
  recordings: Pick<RecordingService, 'playback'>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'content-security-policy': csp(), 'x-content-type-options': 'nosniff' };
    const ask = request.method === 'GET' ? playbackAsk(request.url, APP_ORIGIN) : undefined;
    if (ask !== undefined) return answerPlayback(recordings, ask, request.signal, headers);
    const file = resolveAppFile(request.url, rootDir);
    if (file === undefined || request.method !== 'GET')
      return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' },
      });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
