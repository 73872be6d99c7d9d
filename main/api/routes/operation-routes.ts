// REST routes derived from the operation table: method, URL, scope, params/body/response schemas and the docs
// line come from the table; an operation a service method serves gets its handler from there too.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { Type, type TSchema } from 'typebox';

import type { AlarmActor } from '../../../common/alarms';
import { OPERATIONS, type RestOperationName } from '../../../common/operations';
import type { OperationContract } from '../../../common/operations/contract';
import { pathParams, type RestRoute, type RestVerb } from '../../../common/operations/names';
import { isServed, serveOperation, type OperationServices } from '../operations';
import type { Access } from '../types';
import { bearer, errorResponses } from './schemas';

/** A route's options from the table, without its handler. */
export interface OperationRouteOptions {
  method: RestVerb;
  url: string;
  config: { access: Access };
  schema: FastifySchema;
}

/** The Fastify instance a route plugin is given. */
type RouteApp = Parameters<FastifyPluginCallbackTypebox>[0];

/** Whether a route's argument after its path parameters is its query string: a GET's, or a route that says so. */
function takesQuery(rest: RestRoute): boolean {
  return rest.query === true || rest.verb === 'GET';
}

/** The Fastify route options the table gives an operation (method, URL, scope, schemas, docs); add a handler. */
export function operationRoute(name: RestOperationName): OperationRouteOptions {
  const operation: OperationContract & { rest: RestRoute } = OPERATIONS[name];
  const { rest, args, scope = 'manage' } = operation;
  const params = pathParams(rest.path);
  const last = args[params.length];
  // A GET's (or a query route's) argument after its path parameters is its query string; anything else's is its body.
  const input = last === undefined ? {} : takesQuery(rest) ? { querystring: last } : { body: last };
  const answer =
    rest.media === undefined
      ? operation.output
      : { description: operation.summary, content: { [rest.media]: { schema: operation.output } } };
  const paramSchemas: Record<string, TSchema> = {};
  for (const [index, param] of params.entries()) {
    const schema = args[index];
    if (schema === undefined) throw new Error(`${name}: no argument for :${param}`);
    paramSchemas[param] = schema;
  }
  return {
    method: rest.verb,
    url: rest.path,
    config: { access: scope },
    schema: {
      tags: [name.slice(0, name.indexOf('.'))],
      summary: operation.summary,
      security: scope === 'optional' ? [{}, ...bearer] : bearer,
      ...(params.length === 0 ? {} : { params: Type.Object(paramSchemas, { additionalProperties: false }) }),
      ...input,
      response: { [rest.status ?? 200]: answer, ...errorResponses },
    },
  };
}

/** The REST operations of one resource (`cameras` → `cameras.list`, `cameras.get`, …), in table order. */
export function restOperationsOf(resource: string): RestOperationName[] {
  return (Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]).filter(
    (name): name is RestOperationName => name.startsWith(`${resource}.`) && 'rest' in OPERATIONS[name],
  );
}

/**
 * Registers a route for each REST operation of `resource` that a service method serves: arguments from the
 * path parameters and body, the answer (with the table's status) from the service. Operations without a
 * handler are left to the resource's route file.
 */
export function registerOperationRoutes(
  app: RouteApp,
  resource: string,
  services: Partial<OperationServices>,
): void {
  for (const name of restOperationsOf(resource)) {
    if (!isServed(name)) continue;
    const options = operationRoute(name);
    const operation: OperationContract & { rest: RestRoute } = OPERATIONS[name];
    const { rest, args: schemas, manageOnly = [] } = operation;
    const params = pathParams(rest.path);
    const hasInput = schemas.length > params.length;
    const input = takesQuery(rest) ? schemas[params.length] : undefined;
    app.route({
      ...options,
      // Query values arrive as text: integers the schema asks for become numbers before it checks them.
      ...(input === undefined ? {} : { preValidation: integersOfQuery(input) }),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const values = request.params as Record<string, unknown>;
        const given = takesQuery(rest) ? request.query : request.body;
        const args = [...params.map((param) => values[param]), ...(hasInput ? [given] : [])];
        const answer = await serveOperation(services, name, args, actorOf(request));
        const shown = request.apiKey?.scope === 'manage' ? answer : withoutFields(answer, manageOnly);
        return reply.code(rest.status ?? 200).send(shown);
      },
    });
  }
}

/**
 * Who calls, as alarms record it: a stored key by its name, a signed-in browser wall as the desk (the body's
 * `operator` then names the person).
 */
export function actorOf(request: FastifyRequest): AlarmActor {
  const key = request.apiKey;
  if (key === undefined || key.desk === true) return { kind: 'desk', name: 'desk' };
  return { kind: 'key', name: key.name ?? key.id };
}

/** A preValidation hook turning the query's decimal integers into numbers where `schema` wants an integer. */
export function integersOfQuery(schema: TSchema) {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
  const integers = Object.keys(properties).filter((key) => properties[key]?.type === 'integer');
  return (request: FastifyRequest, _reply: FastifyReply, done: () => void): void => {
    const query = request.query as Record<string, unknown>;
    for (const key of integers) {
      const value = query[key];
      if (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value)) query[key] = Number(value);
    }
    done();
  };
}

/** The answer without `fields` (on each item of a list); the answer itself when there are none to drop. */
export function withoutFields(answer: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0) return answer;
  const strip = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    return Object.fromEntries(Object.entries(item).filter(([key]) => !fields.includes(key)));
  };
  return Array.isArray(answer) ? answer.map(strip) : strip(answer);
}
