// The only bridge between the sandboxed page and main: one method per operation of the table with an IPC
// channel (common/operations/names.ts, schema-free so this bundle stays small), each invoking its channel,
// plus the event listeners. Nothing generic (no ipcRenderer, no send/invoke of arbitrary channels) reaches
// the page. A failure rejects with the plain `{ ok: false, error: { code, message, field? } }` main returned
// (contextBridge would strip an Error's fields); renderer/station-api/ipc.ts decodes it into a VigilError.
import { contextBridge, ipcRenderer } from 'electron';

import type { DesktopApi } from '../common/desktop';
import type { StationEvent } from '../common/events';
import {
  IPC_KIOSK_STATE,
  IPC_KIOSK_UNLOCK_PROMPT,
  IPC_STATION_EVENT,
  type IpcResult,
} from '../common/ipc-channels';
import { DESKTOP_CALLS, STATION_CALLS, ipcCalls, type OperationCall } from '../common/operations/names';
import type { StationApi } from '../common/station-api';

async function invoke(channel: string, args: unknown[]): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<unknown>;
  if (result.ok) return result.value;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an Error would lose code and field
  return Promise.reject(result);
}

/** One method per operation of `calls` that has an IPC channel, invoking that channel. */
function invokers(calls: Readonly<Record<string, OperationCall>>): Record<string, unknown> {
  return Object.fromEntries(
    ipcCalls(calls).map(({ method, channel }) => [method, (...args: unknown[]) => invoke(channel, args)]),
  );
}

/** Calls `listener` with each message main sends on `channel` (not Electron's event); returns the unsubscribe. */
function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const relay = (_event: unknown, payload: unknown): void => {
    listener(payload);
  };
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

const station = {
  ...(invokers(STATION_CALLS) as Omit<StationApi, 'onEvent'>),
  onEvent: (listener) =>
    listen(IPC_STATION_EVENT, (event) => {
      listener(event as StationEvent);
    }),
} satisfies StationApi;

const desktop = {
  ...(invokers(DESKTOP_CALLS) as Omit<DesktopApi, 'onKioskUnlockPrompt' | 'onKioskChange'>),
  onKioskUnlockPrompt: (listener) =>
    listen(IPC_KIOSK_UNLOCK_PROMPT, () => {
      listener();
    }),
  onKioskChange: (listener) =>
    listen(IPC_KIOSK_STATE, (active) => {
      listener(active === true);
    }),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('vigil', station);
contextBridge.exposeInMainWorld('vigilDesktop', desktop);
