// What an operation takes and gives, who may call it and what serves it: the shape of each entry in the
// resource files (cameras.ts, views.ts, system.ts, desktop.ts). Their names, channels and routes are in names.ts.
import type { TSchema } from 'typebox';

import type { OperationName } from './names';

/**
 * Who may call an operation over REST: a key of at least this scope, or anyone (`optional`: a key adds detail).
 * `alarm`: manage keys and `alarm` keys (a VAS key that may only raise alarms); `alarm-read`: those and view keys.
 */
export type OperationScope = 'view' | 'manage' | 'optional' | 'alarm' | 'alarm-read';

/** The services the table's handlers name (main/api/operations.ts gives them their types). */
export type OperationService =
  'station' | 'views' | 'recordings' | 'alarms' | 'walls' | 'webhooks' | 'gateways';

/** One operation's contract. */
export interface OperationContract {
  /** Its arguments, in order: the REST path's `:param`s first, then the JSON body (a GET's query string), if any. */
  readonly args: readonly TSchema[];
  /** Its answer. */
  readonly output: TSchema;
  /** Who may call it over REST; none for operations without a REST route. */
  readonly scope?: OperationScope;
  /** One line for the API docs. */
  readonly summary: string;
  /**
   * The service method that serves it, for REST and IPC alike (`station.restartCamera`); none when each host
   * serves it itself (health's detail depends on the caller; the desktop operations are Electron's).
   */
  readonly handler?: `${OperationService}.${string}`;
  /** The `{ message }` it answers when its handler resolves to nothing; `{param}`s are filled from the path. */
  readonly message?: string;
  /** Fields of the answer (of each item, for a list) that only manage keys see; view keys get it without them. */
  readonly manageOnly?: readonly string[];
  /**
   * The handler also takes who calls (an AlarmActor, after the table's arguments): the API key's name, or the
   * desk (a signed-in browser or the desktop app), whose operator's name the body may carry.
   */
  readonly actor?: true;
}

/** The contracts of one resource's operations (`cameras` → every `cameras.*` name, no other). */
export type ResourceContracts<Resource extends string> = Record<
  Extract<OperationName, `${Resource}.${string}`>,
  OperationContract
>;
