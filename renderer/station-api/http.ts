// StationApi for browser mode: the station's REST API through the one HTTP client (the session cookie rides
// along, same origin only) and its `/events` stream over EventSource. No key is ever held here: the HttpOnly
// cookie is the login.
import type { StationApi } from '../../common/station-api';
import { subscribeEvents, type EventSourceFactory } from './events';
import { createStationHttpClient, type FetchLike } from './http-client';

/** What the client talks through; defaults are the browser's own `fetch` and `EventSource`. */
export interface HttpStationApiDeps {
  fetch?: FetchLike;
  eventSource?: EventSourceFactory;
  /** The wall this page is (`?wall=NAME`): its event stream names it, so `POST /walls/{name}/show` reaches it. */
  wall?: string | undefined;
}

/** The browser's EventSource; one function for the page, so every client shares one `/events` connection. */
const browserEventSource: EventSourceFactory = (url) => new EventSource(url);

/**
 * StationApi over the station's REST API and SSE, for the wall served by `vigil serve` (same origin, so the
 * sign-in cookie authenticates every call). Failures reject with VigilError; an unreachable station is
 * `VIGIL_ERR_NETWORK`.
 * @example
 * const api = createHttpStationApi();
 * const cameras = await api.listCameras();
 * const stop = api.onEvent((event) => console.log(event.type));
 */
export function createHttpStationApi(baseUrl = '', deps: HttpStationApiDeps = {}): StationApi {
  const eventSource = deps.eventSource ?? browserEventSource;
  const base = baseUrl.replace(/\/+$/, '');
  const eventsUrl =
    deps.wall === undefined ? `${base}/events` : `${base}/events?wall=${encodeURIComponent(deps.wall)}`;
  return {
    ...createStationHttpClient({ baseUrl: base, fetch: deps.fetch }),
    onEvent: (listener) => subscribeEvents(eventSource, eventsUrl, listener),
  };
}
