// The table's operations served by the station's services, for every host: the REST routes
// (routes/operation-routes.ts) and the IPC handlers (main/ipc/station-handlers.ts) both call serveOperation.
import {
  OPERATION_CALLS,
  OPERATIONS,
  type OperationArgs,
  type OperationOutput,
} from '../../common/operations';
import type { AlarmActor } from '../../common/alarms';
import type { OperationService } from '../../common/operations/contract';
import { pathParams, type OperationName } from '../../common/operations/names';
import type { RecordingService } from '../recording/service';
import type { AlarmService } from '../alarms/service';
import type { GatewayService } from '../cluster/gateway-service';
import type { StationService } from '../station/service';
import type { ViewService } from '../station/views';
import type { WallService } from '../walls/service';
import type { WebhookService } from '../webhooks/service';

/** The services the table's handlers name (`station.restartCamera` → `station`). */
export interface OperationServices extends Record<OperationService, object> {
  station: StationService;
  views: ViewService;
  recordings: RecordingService;
  alarms: AlarmService;
  walls: WallService;
  webhooks: WebhookService;
  gateways: GatewayService;
}

/** The operations a service method serves (those whose contract names a handler). */
export type ServedOperationName = {
  [N in OperationName]: (typeof OPERATIONS)[N] extends { handler: string } ? N : never;
}[OperationName];

/** The service method a handler string names. */
type HandlerOf<N extends ServedOperationName> =
  (typeof OPERATIONS)[N]['handler'] extends `${infer S extends OperationService}.${infer M}`
    ? M extends keyof OperationServices[S]
      ? OperationServices[S][M]
      : undefined
    : undefined;

/** The caller a handler takes after the table's arguments, for operations that say `actor: true`. */
type ActorArg<N extends ServedOperationName> = (typeof OPERATIONS)[N] extends { actor: true }
  ? [actor: AlarmActor]
  : [];

/** What a handler must be: it takes the operation's arguments and gives its answer (or nothing, for a message). */
type FittingHandler<N extends ServedOperationName> = (
  ...args: [...OperationArgs<N>, ...ActorArg<N>]
) =>
  | Promise<(typeof OPERATIONS)[N] extends { message: string } ? unknown : OperationOutput<N>>
  | ((typeof OPERATIONS)[N] extends { message: string } ? unknown : OperationOutput<N>);

/** The served operations whose handler is missing or does not fit the table (never, when all fit). */
export type MisfitHandlers = {
  [N in ServedOperationName]: HandlerOf<N> extends FittingHandler<N> ? never : N;
}[ServedOperationName];

/** The `{param}`s of a message template filled from the operation's path parameters (`Camera lobby restarted`). */
export function fillMessage(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Whether an operation is served by a service method (so any host can serve it without knowing it). */
export function isServed(name: OperationName): name is ServedOperationName {
  return 'handler' in OPERATIONS[name];
}

/** An operation's path parameters by name, from its arguments (`cameras.restart`, `['lobby']` → `{ camera_id }`). */
export function paramsOf(name: OperationName, args: readonly unknown[]): Record<string, unknown> {
  const { rest } = OPERATION_CALLS[name];
  const names = rest === undefined ? [] : pathParams(rest.path);
  return Object.fromEntries(names.map((param, index) => [param, args[index]]));
}

/**
 * Runs an operation on the service method the table names, with arguments already validated against its
 * schemas (path parameters first, then the body); resolves to its answer. Operations whose contract says
 * `actor` also get `actor` (who calls) after their arguments.
 */
export async function serveOperation<N extends ServedOperationName>(
  services: Partial<OperationServices>,
  name: N,
  args: readonly unknown[],
  actor?: AlarmActor,
): Promise<OperationOutput<N>> {
  const operation: { handler?: string; message?: string; actor?: true } = OPERATIONS[name];
  if (operation.actor === true && actor === undefined) throw new Error(`${name} needs to know who calls`);
  const callArgs = operation.actor === true ? [...args, actor] : args;
  const [serviceName = '', methodName = ''] = (operation.handler ?? '').split('.');
  const service = services[serviceName as OperationService] as Record<string, unknown> | undefined;
  const method = service?.[methodName];
  if (typeof method !== 'function') throw new Error(`${name} needs ${operation.handler ?? 'a handler'}`);
  const result: unknown = await Reflect.apply(method, service, callArgs);
  const answer =
    operation.message === undefined
      ? result
      : { message: fillMessage(operation.message, paramsOf(name, args)) };
  return answer as OperationOutput<N>;
}
