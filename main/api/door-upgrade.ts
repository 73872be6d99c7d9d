// The Janus door on the REST API's own port: `GET /janus` with `Upgrade: websocket` (subprotocol janus-protocol)
// becomes a door connection (main/door). The upgrade is checked like any request — Host header, then the browser's
// Origin (the station's own, a --cors-origin portal's or the desktop app's pages; non-browser clients send none) —
// and authenticated by an `Authorization: Bearer` key, a `?ticket=`, or the wall's session cookie (counted only
// from the station's own origin); without any, the first `create` must carry a token.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { Type } from 'typebox';
import { WebSocketServer, type WebSocket } from 'ws';

import { ErrorCode, errorStatus, VigilError } from '../../common/errors';
import { fullGrant, type Grant } from '../door/credential';
import type { Door } from '../door/door';
import { DOOR_PATH } from '../door/door-url';
import { bearerKey } from './auth';
import { sessionCredential } from './door-credentials';
import { hostAllowed } from './host';
import { errorResponses } from './routes/schemas';
import type { BrowserSessions } from './browser-sessions';
import { SESSION_COOKIE } from './session';
import type { ApiInstance } from './types';

/** What the door's upgrade checks against. */
export interface DoorUpgradeOptions {
  door: Door;
  sessions: BrowserSessions | undefined;
  /** The Host header values the API accepts. */
  allowedHosts: ReadonlySet<string>;
  /** Browser origins besides the station's own: `--cors-origin` portals and the host's own pages. */
  origins: readonly string[];
}

const SUBPROTOCOL = 'janus-protocol';
/** How often each connection is pinged; one without a pong by the next ping is dropped. */
const PING_MS = 30_000;

/** Whether `origin` is the station's own (same scheme-less host as the request's checked Host header). */
export function isStationOrigin(origin: string | undefined, host: string | undefined): boolean {
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * Whether a browser Origin may open the door: none (not a browser), the station's own (the request's Host, or
 * another of the station's names with its port: the wall opened at `localhost:3000` reaching `127.0.0.1:3000`),
 * or a listed one (`--cors-origin`, the host's own pages).
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  listed: readonly string[],
  stationHosts: ReadonlySet<string> = new Set(),
): boolean {
  if (origin === undefined || isStationOrigin(origin, host) || listed.includes(origin)) return true;
  const url = URL.parse(origin);
  return url !== null && /^https?:$/.test(url.protocol) && url.port !== '' && stationHosts.has(url.host);
}

/** Serves the door on the API's server: the upgrade listener, a doc route for plain `GET /janus`, and shutdown. */
export function setupDoorUpgrade(app: ApiInstance, options: DoorUpgradeOptions): void {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.door.limits.maxMessageBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  const log = app.log.child({ name: 'door/upgrade' });
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const grant = admit(request, options, (header) => app.parseCookie(header)[SESSION_COOKIE]);
      const capped = options.door.admits(grant);
      if (capped !== undefined) throw new VigilError(ErrorCode.RateLimited, capped);
      sockets.handleUpgrade(request, socket, head, (ws) => {
        serve(ws, grant, options.door);
      });
    } catch (error) {
      const refusal =
        error instanceof VigilError ? error : new VigilError(ErrorCode.Internal, 'The door failed');
      if (refusal.code === ErrorCode.Internal) log.error({ err: error }, 'door upgrade failed');
      else log.debug({ code: refusal.code }, 'door upgrade refused');
      refuse(socket, refusal);
    }
  });
  app.get(
    DOOR_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['viewers'],
        summary:
          'The Janus client protocol (janus.js, janode, …): a WebSocket upgrade, subprotocol janus-protocol; ' +
          'authenticate with Authorization: Bearer, ?ticket= (from /stream), the token of a create, or the wall cookie',
        response: {
          101: Type.Null({ description: 'Switching Protocols: the connection speaks the Janus protocol' }),
          ...errorResponses,
        },
      },
    },
    () => {
      throw new VigilError(
        ErrorCode.NotFound,
        `${DOOR_PATH} speaks the Janus protocol over WebSocket only: connect with Upgrade: websocket and the ` +
          `${SUBPROTOCOL} subprotocol`,
      );
    },
  );
  app.addHook('preClose', (done) => {
    options.door.close();
    sockets.close();
    done();
  });
}

/** Checks an upgrade and finds its credential (undefined: none yet); throws the VigilError to answer with. */
function admit(
  request: IncomingMessage,
  options: DoorUpgradeOptions,
  sessionCookie: (header: string) => string | undefined,
): Grant | undefined {
  const url = new URL(request.url ?? '/', 'http://door.invalid');
  if (url.pathname !== DOOR_PATH) {
    throw new VigilError(ErrorCode.NotFound, `No WebSocket here: the Janus door is ${DOOR_PATH}`);
  }
  const { host, origin, authorization, cookie } = request.headers;
  if (!hostAllowed(host, options.allowedHosts, request.socket.localPort)) {
    throw new VigilError(
      ErrorCode.HostNotAllowed,
      'This Host header is not allowed; add it to the allowed hosts',
    );
  }
  if (!originAllowed(origin, host, options.origins, options.allowedHosts)) {
    throw new VigilError(
      ErrorCode.Forbidden,
      `Pages from ${origin ?? 'this origin'} may not open the door: list the origin with --cors-origin`,
    );
  }
  const grant = credentialGrant(url, authorization, options.door);
  if (grant !== undefined || authorization !== undefined || url.searchParams.has('ticket')) return grant;
  // The wall's cookie counts only on an upgrade from the station's own page (no cross-site WebSocket hijacking).
  const sessionId = cookie === undefined ? undefined : sessionCookie(cookie);
  const { sessions } = options;
  if (sessions === undefined || sessionId === undefined || !isStationOrigin(origin, host)) return undefined;
  const key = sessions.verify(sessionId);
  return key === undefined ? undefined : fullGrant(sessionCredential(sessionId, key, sessions));
}

/** The grant of an `Authorization: Bearer` key or a `?ticket=`; throws 401 for one that is not live. */
function credentialGrant(url: URL, authorization: string | undefined, door: Door): Grant | undefined {
  if (authorization !== undefined) {
    const presented = bearerKey(authorization);
    const grant = presented === undefined ? undefined : door.keyGrant(presented);
    if (grant === undefined)
      throw new VigilError(ErrorCode.Unauthenticated, 'The API key is missing, malformed or unknown');
    return grant;
  }
  const ticket = url.searchParams.get('ticket');
  if (ticket === null) return undefined;
  const grant = door.ticketGrant(ticket);
  if (grant === undefined) {
    throw new VigilError(
      ErrorCode.Unauthenticated,
      'The viewer ticket is unknown or expired: get a fresh janus_url from /cameras/{id}/stream',
    );
  }
  return grant;
}

/** Relays one accepted WebSocket through the door, pinging it so a vanished viewer is noticed. */
function serve(ws: WebSocket, grant: Grant | undefined, door: Door): void {
  const connection = door.connect(
    {
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      close: (code, reason) => {
        ws.close(code, reason);
      },
    },
    grant,
  );
  if (typeof connection === 'string') {
    ws.close(1008, connection);
    return;
  }
  let alive = true;
  const ping = setInterval(() => {
    if (!alive) ws.terminate();
    alive = false;
    ws.ping();
  }, PING_MS);
  ping.unref();
  ws.on('pong', () => {
    alive = true;
  });
  ws.on('message', (data: Buffer, binary: boolean) => {
    if (!binary) connection.receive(data.toString('utf8'));
  });
  ws.on('close', () => {
    clearInterval(ping);
    connection.clientClosed();
  });
}

/** Answers a refused upgrade with the API's error body and closes the socket. */
function refuse(socket: Duplex, error: VigilError): void {
  const body = JSON.stringify(error.toBody());
  const status = errorStatus[error.code] ?? 500;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
