// StationApi for the desktop app: the preload's bridge (window.vigil) with its plain `{ code, message, field }`
// rejections turned back into StationApiError, so the wall cannot tell IPC from HTTP.
import type { DesktopApi } from '../../common/desktop';
import { ErrorCode } from '../../common/errors';
import { StationApiError, type StationApi } from '../../common/station-api';
import { createHttpStationApi } from './http';

/** What the desktop app's preload puts on the page. */
export interface DesktopBridge {
  vigil?: StationApi;
  vigilDesktop?: DesktopApi;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The StationApiError for a bridge rejection (`{ code, message, field? }`, or anything else). */
export function errorFromBridge(reason: unknown): StationApiError {
  const failure = (typeof reason === 'object' && reason !== null ? reason : {}) as Record<string, unknown>;
  const code =
    typeof failure.code === 'string' && KNOWN_CODES.has(failure.code) ? failure.code : ErrorCode.Internal;
  const message = typeof failure.message === 'string' ? failure.message : 'The desktop app failed to answer';
  const field = typeof failure.field === 'string' ? failure.field : undefined;
  return new StationApiError(code as ErrorCode, message, field);
}

function rethrow<R>(call: Promise<R>): Promise<R> {
  return call.catch((reason: unknown) => {
    throw errorFromBridge(reason);
  });
}

/** StationApi over the preload's bridge. */
export function createIpcStationApi(bridge: StationApi): StationApi {
  return {
    listCameras: () => rethrow(bridge.listCameras()),
    addCamera: (input) => rethrow(bridge.addCamera(input)),
    updateCamera: (cameraId, patch) => rethrow(bridge.updateCamera(cameraId, patch)),
    removeCamera: (cameraId) => rethrow(bridge.removeCamera(cameraId)),
    restartCamera: (cameraId) => rethrow(bridge.restartCamera(cameraId)),
    probe: (request) => rethrow(bridge.probe(request)),
    streamInfo: (cameraId) => rethrow(bridge.streamInfo(cameraId)),
    health: () => rethrow(bridge.health()),
    listViews: () => rethrow(bridge.listViews()),
    createView: (input) => rethrow(bridge.createView(input)),
    updateView: (viewId, patch) => rethrow(bridge.updateView(viewId, patch)),
    deleteView: (viewId) => rethrow(bridge.deleteView(viewId)),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}

/** The page's StationApi: the desktop app's bridge when present, else the station's REST API (browser mode). */
export function stationApiForPage(page: DesktopBridge): StationApi {
  return page.vigil === undefined ? createHttpStationApi() : createIpcStationApi(page.vigil);
}
