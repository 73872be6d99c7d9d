// StationApi for the desktop app: the preload's bridge (window.vigil) with its plain `{ ok: false, error }`
// rejections decoded by the one wire-error decoder, so the wall cannot tell IPC from HTTP.
import type { DesktopApi } from '../../common/desktop';
import { errorFromWire } from '../../common/errors';
import { STATION_CALLS, ipcCalls } from '../../common/operations/names';
import type { StationApi } from '../../common/station-api';
import { createHttpStationApi } from './http';

/** What the desktop app's preload puts on the page. */
export interface DesktopBridge {
  vigil?: StationApi;
  vigilDesktop?: DesktopApi;
}

/** StationApi over the preload's bridge: each table method passed through, failures as VigilError. */
export function createIpcStationApi(bridge: StationApi): StationApi {
  const methods = bridge as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const { method } of ipcCalls(STATION_CALLS)) {
    api[method] = async (...args) => {
      try {
        return await Reflect.apply(methods[method] as (...args: unknown[]) => Promise<unknown>, bridge, args);
      } catch (reason) {
        throw errorFromWire(reason);
      }
    };
  }
  return { ...(api as Omit<StationApi, 'onEvent'>), onEvent: (listener) => bridge.onEvent(listener) };
}

/**
 * The page's StationApi: the desktop app's bridge when present, else the station's REST API (browser mode). A
 * page opened as a named wall (`wall`) says so: on its event stream in a browser, over IPC in the desktop app.
 */
export function stationApiForPage(page: DesktopBridge, wall?: string): StationApi {
  if (page.vigil === undefined) return createHttpStationApi('', { wall });
  if (wall !== undefined && page.vigilDesktop !== undefined) {
    page.vigilDesktop.nameWall(wall).catch(() => undefined);
  }
  return createIpcStationApi(page.vigil);
}
