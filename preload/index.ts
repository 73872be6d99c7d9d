// The only bridge between the sandboxed page and main: StationApi and DesktopApi domain methods, each one
// IPC channel. Nothing generic (no ipcRenderer, no send/invoke of arbitrary channels) reaches the page.
// A failure rejects with the plain `{ code, message, field? }` main returned (contextBridge would strip an
// Error's fields); renderer/station-api/ipc.ts turns it back into a StationApiError.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import type { DesktopApi } from '../common/desktop';
import type { IpcInvokeChannel } from '../common/ipc';
import { IPC_KIOSK_UNLOCK_PROMPT, IPC_STATION_EVENT, type IpcResult } from '../common/ipc-channels';
import type { StationEvent } from '../common/events';
import type { StationApi } from '../common/station-api';

async function call<T>(channel: IpcInvokeChannel, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  if (result.ok) return result.value;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an Error would lose code and field
  return Promise.reject(result.error);
}

const station = {
  listCameras: () => call('cameras:list'),
  addCamera: (input) => call('cameras:add', input),
  updateCamera: (cameraId, patch) => call('cameras:update', cameraId, patch),
  removeCamera: (cameraId) => call('cameras:remove', cameraId),
  restartCamera: (cameraId) => call('cameras:restart', cameraId),
  probe: (request) => call('cameras:probe', request),
  streamInfo: (cameraId) => call('cameras:stream', cameraId),
  health: () => call('station:health'),
  listViews: () => call('views:list'),
  createView: (input) => call('views:create', input),
  updateView: (viewId, patch) => call('views:update', viewId, patch),
  deleteView: (viewId) => call('views:delete', viewId),
  onEvent: (listener) => {
    const relay = (_event: IpcRendererEvent, stationEvent: StationEvent): void => {
      listener(stationEvent);
    };
    ipcRenderer.on(IPC_STATION_EVENT, relay);
    return () => {
      ipcRenderer.removeListener(IPC_STATION_EVENT, relay);
    };
  },
} satisfies StationApi;

const desktop = {
  settings: () => call('desktop:settings'),
  updateSettings: (patch) => call('desktop:update-settings', patch),
  unlockKiosk: (pin) => call('desktop:unlock-kiosk', pin),
  showingView: (viewId) => call('desktop:wall-view', viewId),
  onKioskUnlockPrompt: (listener) => {
    const relay = (): void => {
      listener();
    };
    ipcRenderer.on(IPC_KIOSK_UNLOCK_PROMPT, relay);
    return () => {
      ipcRenderer.removeListener(IPC_KIOSK_UNLOCK_PROMPT, relay);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('vigil', station);
contextBridge.exposeInMainWorld('vigilDesktop', desktop);
