// The one way main registers IPC: the sender frame must be the app's own top-level page, arguments must
// fit the channel's schemas, and failures come back as `{ code, message, field? }` (Electron would keep only
// an Error's message).
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../../common/errors';
import { IPC_INVOKE, type IpcArgs, type IpcInvokeChannel } from '../../../common/ipc';
import type { IpcResult } from '../../../common/ipc-channels';
import { urlOrigin } from '../app-protocol';
import { checkIpcArgs } from './validate-args';

/** What the registry needs from Electron and the app. */
export interface IpcRegistryDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The origin the app's own pages load from, e.g. `vigil://wall`. */
  appOrigin: string;
  logger: Logger;
}

/** Registers channel handlers; `dispose` removes them all. */
export interface IpcRegistry {
  /** Handles one channel from the IPC_INVOKE map with a typed function; the calling page comes last. */
  handle<C extends IpcInvokeChannel>(
    channel: C,
    handler: (...args: [...IpcArgs<C>, WebContents]) => unknown,
  ): void;
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

/** The IpcResult for a thrown error: VigilErrors keep their code, message and field; anything else is hidden. */
export function ipcFailure(error: unknown): IpcResult<never> {
  if (error instanceof VigilError) {
    const field = error.field === undefined ? {} : { field: error.field };
    return { ok: false, error: { code: error.code, message: error.message, ...field } };
  }
  return {
    ok: false,
    error: { code: ErrorCode.Internal, message: 'The station failed to do this; details are in its log.' },
  };
}

/**
 * The IPC registry.
 * @example
 * const ipc = createIpcRegistry({ ipcMain, appOrigin: 'vigil://wall', logger });
 * ipc.handle('cameras:remove', (cameraId) => station.removeCamera(cameraId));
 */
export function createIpcRegistry(deps: IpcRegistryDeps): IpcRegistry {
  const log = deps.logger.child({ name: 'app/ipc' });
  const channels = new Set<IpcInvokeChannel>();
  return {
    handle(channel, handler) {
      const schemas = IPC_INVOKE[channel];
      deps.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        if (!isTrustedSender(event.senderFrame, deps.appOrigin)) {
          log.warn({ channel, url: event.senderFrame?.url }, 'IPC from a frame that is not the app: refused');
          return ipcFailure(
            new VigilError(ErrorCode.Forbidden, `${channel} may only be called by Vigil's own pages`),
          );
        }
        const problem = checkIpcArgs(channel, schemas, args);
        if (problem !== undefined) {
          return ipcFailure(new VigilError(ErrorCode.Validation, problem.message, problem.field));
        }
        try {
          return { ok: true, value: await handler(...(args as IpcArgs<typeof channel>), event.sender) };
        } catch (error) {
          if (!(error instanceof VigilError)) log.error({ err: error, channel }, 'IPC handler failed');
          return ipcFailure(error);
        }
      });
      channels.add(channel);
    },
    dispose() {
      for (const channel of channels) deps.ipcMain.removeHandler(channel);
      channels.clear();
    },
  };
}
