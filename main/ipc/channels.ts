// The IPC channel map, derived from the operation table: each channel the renderer may invoke, the operation
// it is and the schemas of its arguments (checked before any handler runs).
import type { TSchema } from 'typebox';

import {
  OPERATION_LIST,
  type ChannelOf,
  type IpcOperationName,
  type OperationArgs,
} from '../../common/operations';
import type { OperationName } from '../../common/operations/names';

/** A channel the renderer may invoke. */
export type IpcChannel = ChannelOf<IpcOperationName>;

/** The operation behind each channel. */
type ChannelOperation = { [N in IpcOperationName as ChannelOf<N>]: N };

/** The argument list a channel takes. */
export type IpcArgs<C extends IpcChannel> = OperationArgs<ChannelOperation[C]>;

/** What main knows of a channel: its operation and the schemas of its arguments. */
export interface IpcChannelSpec {
  operation: OperationName;
  args: readonly TSchema[];
}

/** Every channel of the table, with its operation and argument schemas. */
export const IPC_CHANNELS: ReadonlyMap<string, IpcChannelSpec> = new Map(
  OPERATION_LIST.flatMap(({ name, channel, args }) =>
    channel === undefined ? [] : [[channel, { operation: name, args }] as const],
  ),
);
