// The operation table: every station and desktop operation once — name, StationApi method, IPC channel, REST
// route (names.ts), arguments, answer, scope and the station method serving it (one file per resource).
// StationApi, DesktopApi, the IPC channel map and its argument checks, the preload, main's IPC handlers, the
// REST routes and the HTTP client are all derived from it. docs/ARCHITECTURE.md shows how to add one.
import type { Static, TSchema } from 'typebox';

import { alarmContracts } from './alarms';
import { cameraContracts } from './cameras';
import type { OperationContract } from './contract';
import { desktopContracts } from './desktop';
import { gatewayContracts } from './gateways';
import { DESKTOP_CALLS, STATION_CALLS, type OperationCall, type OperationName } from './names';
import { recordingContracts } from './recordings';
import { systemContracts } from './system';
import { viewContracts } from './views';
import { wallContracts } from './walls';
import { webhookContracts } from './webhooks';

/** Every operation's call, by operation name (`resource.verb`). */
export const OPERATION_CALLS: Readonly<Record<OperationName, OperationCall>> = {
  ...STATION_CALLS,
  ...DESKTOP_CALLS,
};

const CONTRACTS = {
  ...cameraContracts,
  ...viewContracts,
  ...recordingContracts,
  ...systemContracts,
  ...alarmContracts,
  ...wallContracts,
  ...webhookContracts,
  ...gatewayContracts,
  ...desktopContracts,
} satisfies Record<OperationName, OperationContract>;

type Calls = typeof STATION_CALLS & typeof DESKTOP_CALLS;

/** One row of the table: its name, how it is called and its contract. */
export type Operation<N extends OperationName = OperationName> = { readonly name: N } & Calls[N] &
  (typeof CONTRACTS)[N];

/** The operation table, by name. */
export const OPERATIONS = Object.fromEntries(
  Object.entries(OPERATION_CALLS).map(([name, call]) => [
    name,
    { name, ...call, ...CONTRACTS[name as OperationName] },
  ]),
) as unknown as { readonly [N in OperationName]: Operation<N> };

/** Every operation, in table order. */
export const OPERATION_LIST: readonly (OperationCall & OperationContract & { name: OperationName })[] =
  Object.values(OPERATIONS);

/** The static types of a list of schemas, as a tuple. */
type StaticTuple<T extends readonly TSchema[]> = { -readonly [K in keyof T]: Static<T[K]> };

/** An operation's arguments, in order (path parameters, then the body). */
export type OperationArgs<N extends OperationName> = StaticTuple<(typeof CONTRACTS)[N]['args']>;

/** An operation's answer. */
export type OperationOutput<N extends OperationName> = Static<(typeof CONTRACTS)[N]['output']>;

/** The operations (among `N`) that have an IPC channel. */
export type IpcOperationName<N extends OperationName = OperationName> = {
  [K in N]: Calls[K] extends { channel: string } ? K : never;
}[N];

/** The operations that have a REST route. */
export type RestOperationName = {
  [K in OperationName]: Calls[K] extends { rest: object } ? K : never;
}[OperationName];

/** An operation's IPC channel. */
export type ChannelOf<N extends OperationName> = Calls[N] extends { channel: infer C extends string }
  ? C
  : never;

/** The method each of the operations `N` is on an API object, taking its arguments and resolving to its answer. */
export type OperationMethods<N extends OperationName> = {
  [K in N as Calls[K]['method']]: (...args: OperationArgs<K>) => Promise<OperationOutput<K>>;
};
