// The one typed HTTP client of the station's REST API, generated from the operation table: one method per
// operation with a REST route. The wall in browser mode uses it with the session cookie (same origin); the
// SDK's VASJanusClient with a bearer API key. Failures reject with VigilError (common/errors).
import { ErrorCode, VigilError, errorFromWire } from '../../common/errors';
import type { OperationMethods } from '../../common/operations';
import {
  STATION_CALLS,
  pathParams,
  type JsonRestOperationName,
  type OperationCall,
  type RestRoute,
} from '../../common/operations/names';

/** The subset of `fetch` the client uses (tests pass a fake). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Where and how to reach the station. */
export interface StationHttpOptions {
  /** The station's origin, e.g. `http://127.0.0.1:3000`; empty for the page's own origin. */
  baseUrl?: string | undefined;
  /** A station API key, sent as a bearer token; without one, the session cookie (same origin) is the login. */
  apiKey?: string | undefined;
  /** The `fetch` to use (default: the global one, looked up per call). */
  fetch?: FetchLike | undefined;
}

/**
 * The station's REST API: one method per operation with a JSON REST route, named as in the table (the MP4 routes
 * of playback and export are fetched by players: common/recording.ts has their paths).
 */
export type StationHttpClient = OperationMethods<JsonRestOperationName>;

/** One call: the route, and the arguments (path parameters first, then the body). */
type Send = (route: RestRoute, args: readonly unknown[]) => Promise<unknown>;

/**
 * The request for a route and its arguments: the URL path with its parameters filled in, and the body — or, for
 * a GET or a query route, the query string made of the argument after the path parameters (fields left
 * undefined are left out).
 */
export function requestFor(route: RestRoute, args: readonly unknown[]): { path: string; body: unknown } {
  const params = pathParams(route.path);
  let index = 0;
  const path = route.path.replace(/:[A-Za-z0-9_]+/g, () => encodeURIComponent(String(args[index++])));
  const rest = args[params.length];
  if ((route.verb !== 'GET' && route.query !== true) || rest === undefined) return { path, body: rest };
  const query = new URLSearchParams();
  // Query fields are strings, numbers or booleans (the table's query arguments have no nested objects).
  for (const [name, value] of Object.entries(rest as Record<string, string | number | boolean | undefined>)) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return { path: search === '' ? path : `${path}?${search}`, body: undefined };
}

function createSend(options: StationHttpOptions): Send {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  // Never called as a method of another object (browsers reject that).
  const send: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  return async (route, args) => {
    const { path, body } = requestFor(route, args);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    // A cookie-authenticated change must say JSON even without a body (the station's CSRF check).
    const cookieChange = !options.apiKey && route.verb !== 'GET';
    if (body !== undefined || cookieChange) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await send(`${base}${path}`, {
        method: route.verb,
        credentials: 'same-origin',
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      const where = base || 'this origin';
      throw new VigilError(ErrorCode.Network, `Cannot reach the station at ${where} (${why})`, undefined, {
        cause,
      });
    }
    const parsed = await readJson(response);
    if (!response.ok) throw errorFromWire(parsed.ok ? parsed.value : undefined, response.status);
    if (!parsed.ok) {
      throw new VigilError(ErrorCode.BadResponse, `${route.verb} ${path} did not answer JSON`, undefined, {
        status: response.status,
        cause: parsed.cause,
      });
    }
    return parsed.value;
  };
}

type Parsed = { ok: true; value: unknown } | { ok: false; cause: unknown };

async function readJson(response: Response): Promise<Parsed> {
  try {
    return { ok: true, value: (await response.json()) as unknown };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/**
 * The HTTP client for a station.
 * @example
 * const station = createStationHttpClient({ baseUrl: 'http://127.0.0.1:3000', apiKey });
 * await station.restartCamera('lobby'); // POST /cameras/lobby/restart → { message }
 */
export function createStationHttpClient(options: StationHttpOptions = {}): StationHttpClient {
  const send = createSend(options);
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  // Desktop operations are IPC only: every REST route is a station operation's.
  const calls: readonly OperationCall[] = Object.values(STATION_CALLS);
  for (const { method, rest } of calls) {
    if (rest !== undefined && rest.media === undefined) client[method] = (...args) => send(rest, args);
  }
  return client as StationHttpClient;
}
