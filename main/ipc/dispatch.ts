// IPC calls, host-neutral: arguments checked against the channel's schemas (with the REST API's wording), the
// handler run, and any failure turned into `{ ok: false, error }` (Electron would keep only an Error's
// message). main/app/ipc/handle.ts adds the Electron wiring and the sender-frame check.
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import type { IpcResult } from '../../common/ipc-channels';
import { IPC_CHANNELS, type IpcArgs, type IpcChannel } from './channels';
import { checkIpcArgs } from './validate-args';

/** Where handlers are registered: one per channel, called with the checked arguments and then the caller. */
export interface IpcHandlers<Caller = unknown> {
  /** Handles one channel of the table with a typed function; the calling page comes last. */
  handle<C extends IpcChannel>(channel: C, handler: (...args: [...IpcArgs<C>, Caller]) => unknown): void;
}

/** Runs one call: its raw arguments and its caller in, the IpcResult out. */
export type IpcCall<Caller> = (args: readonly unknown[], caller: Caller) => Promise<IpcResult<unknown>>;

/** The IpcResult for a thrown error: VigilErrors keep their code, message and field; anything else is hidden. */
export function ipcFailure(error: unknown): IpcResult<never> {
  if (error instanceof VigilError) return { ok: false, ...error.toBody() };
  return {
    ok: false,
    error: { code: ErrorCode.Internal, message: 'The station failed to do this; details are in its log.' },
  };
}

/**
 * One channel's call: refuses arguments that do not fit its schemas (`VIGIL_ERR_VALIDATION`, the field at
 * fault), else runs `handler` and wraps its answer or failure. Unexpected failures are logged, never sent.
 */
export function ipcCall<C extends IpcChannel, Caller>(
  channel: C,
  handler: (...args: [...IpcArgs<C>, Caller]) => unknown,
  log: Logger,
): IpcCall<Caller> {
  const spec = IPC_CHANNELS.get(channel);
  if (spec === undefined) throw new Error(`${channel} is not a channel of the operation table`);
  return async (args, caller) => {
    const problem = checkIpcArgs(channel, spec.args, args);
    if (problem !== undefined) {
      return ipcFailure(new VigilError(ErrorCode.Validation, problem.message, problem.field));
    }
    try {
      return { ok: true, value: await handler(...(args as IpcArgs<C>), caller) };
    } catch (error) {
      if (!(error instanceof VigilError)) log.error({ err: error, channel }, 'IPC handler failed');
      return ipcFailure(error);
    }
  };
}
