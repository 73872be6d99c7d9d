// The Electron side of IPC: each channel is registered on ipcMain, and a call runs (main/ipc/dispatch.ts checks
// its arguments and wraps its answer) only when the sender frame is the app's own top-level page.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../../common/errors';
import type { IpcChannel } from '../../ipc/channels';
import { ipcCall, ipcFailure, type IpcHandlers } from '../../ipc/dispatch';
import { urlOrigin } from '../app-protocol';

/** What the registry needs from Electron and the app. */
export interface IpcRegistryDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The origin the app's own pages load from, e.g. `vigil://wall`. */
  appOrigin: string;
  logger: Logger;
}

/** Registers channel handlers (the calling page comes last); `dispose` removes them all. */
export interface IpcRegistry extends IpcHandlers<WebContents> {
  /** Removes every handler this registry added. */
  dispose(): void;
}

/** Whether an IPC message comes from the app's own page in a top-level frame (not an iframe, not a foreign page). */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null,
  appOrigin: string,
): boolean {
  return frame !== null && frame.parent === null && urlOrigin(frame.url) === appOrigin;
}

/**
 * The IPC registry.
 * @example
 * const ipc = createIpcRegistry({ ipcMain, appOrigin: 'vigil://wall', logger });
 * ipc.handle('cameras:remove', (cameraId) => station.removeCamera(cameraId));
 */
export function createIpcRegistry(deps: IpcRegistryDeps): IpcRegistry {
  const log = deps.logger.child({ name: 'app/ipc' });
  const channels = new Set<IpcChannel>();
  return {
    handle(channel, handler) {
      const call = ipcCall(channel, handler, log);
      deps.ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        if (!isTrustedSender(event.senderFrame, deps.appOrigin)) {
          log.warn({ channel, url: event.senderFrame?.url }, 'IPC from a frame that is not the app: refused');
          return ipcFailure(
            new VigilError(ErrorCode.Forbidden, `${channel} may only be called by Vigil's own pages`),
          );
        }
        return call(args, event.sender);
      });
      channels.add(channel);
    },
    dispose() {
      for (const channel of channels) deps.ipcMain.removeHandler(channel);
      channels.clear();
    },
  };
}
