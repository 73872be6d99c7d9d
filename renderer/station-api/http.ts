// StationApi for browser mode: the station's REST API over fetch (the session cookie rides along, same origin
// only) and its `/events` stream over EventSource. No key is ever held here: the HttpOnly cookie is the login.
import type { CameraInput, CameraPatch, CameraView, StreamInfo } from '../../common/camera';
import { ErrorCode, errorStatus } from '../../common/errors';
import type { HealthReport } from '../../common/health';
import type { ProbeRequest, ProbeResult } from '../../common/probe';
import { StationApiError, type StationApi } from '../../common/station-api';
import type { View, ViewInput, ViewPatch } from '../../common/views';
import { subscribeEvents, type EventSourceFactory } from './events';

/** The subset of `fetch` the client uses (tests pass a fake). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What the client talks through; defaults are the browser's own `fetch` and `EventSource`. */
export interface HttpStationApiDeps {
  fetch?: FetchLike;
  eventSource?: EventSourceFactory;
}

/** The browser's EventSource; one function for the page, so every client shares one `/events` connection. */
const browserEventSource: EventSourceFactory = (url) => new EventSource(url);

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The StationApiError for a failed answer: the `{error:{code,message,field}}` body, or one made from the status. */
export function errorFromResponse(status: number, body: unknown): StationApiError {
  const error = (body as { error?: unknown } | null)?.error as
    { code?: unknown; message?: unknown; field?: unknown } | undefined;
  const message = typeof error?.message === 'string' ? error.message : `The station answered HTTP ${status}`;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  if (typeof error?.code === 'string' && KNOWN_CODES.has(error.code)) {
    return new StationApiError(error.code as ErrorCode, message, field);
  }
  const byStatus = Object.values(ErrorCode).find((code) => errorStatus[code] === status);
  return new StationApiError(byStatus ?? ErrorCode.Internal, message, field);
}

/**
 * StationApi over the station's REST API and SSE, for the wall served by `vigil serve` (same origin, so the
 * sign-in cookie authenticates every call). Failures reject with StationApiError; an unreachable station is
 * `VIGIL_ERR_NETWORK`.
 * @example
 * const api = createHttpStationApi();
 * const cameras = await api.listCameras();
 * const stop = api.onEvent((event) => console.log(event.type));
 */
export function createHttpStationApi(baseUrl = '', deps: HttpStationApiDeps = {}): StationApi {
  const fetchFn: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const eventSource = deps.eventSource ?? browserEventSource;
  const base = baseUrl.replace(/\/$/, '');
  const id = encodeURIComponent;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers:
        method === 'GET'
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new StationApiError('VIGIL_ERR_NETWORK', `Cannot reach the station (${why})`);
    }
    const parsed: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFromResponse(response.status, parsed);
    return parsed as T;
  }

  return {
    listCameras: () => call<CameraView[]>('GET', '/cameras'),
    addCamera: (input: CameraInput) => call<CameraView>('POST', '/cameras', input),
    updateCamera: (cameraId: string, patch: CameraPatch) =>
      call<CameraView>('PATCH', `/cameras/${id(cameraId)}`, patch),
    removeCamera: async (cameraId: string) => {
      await call('DELETE', `/cameras/${id(cameraId)}`);
    },
    restartCamera: async (cameraId: string) => {
      await call('POST', `/cameras/${id(cameraId)}/restart`);
    },
    probe: (request: ProbeRequest) => call<ProbeResult>('POST', '/cameras/probe', request),
    streamInfo: (cameraId: string) => call<StreamInfo>('GET', `/cameras/${id(cameraId)}/stream`),
    health: () => call<HealthReport>('GET', '/health'),
    listViews: () => call<View[]>('GET', '/views'),
    createView: (input: ViewInput) => call<View>('POST', '/views', input),
    updateView: (viewId: string, patch: ViewPatch) => call<View>('PATCH', `/views/${id(viewId)}`, patch),
    deleteView: async (viewId: string) => {
      await call('DELETE', `/views/${id(viewId)}`);
    },
    onEvent: (listener) => subscribeEvents(eventSource, `${base}/events`, listener),
  };
}
