// IPC arguments checked with the same common/ schemas (and the same wording) as the REST API.
import type { FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

import { describeValidation, type ValidationProblem } from '../api/validation';

/** TypeBox lists every missing/unknown property at once; the REST wording names one, as Ajv reports it. */
function asAjvError(error: {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}): FastifySchemaValidationError {
  const params = { ...error.params };
  if (error.keyword === 'required') params.missingProperty = (params.requiredProperties as unknown[])[0];
  if (error.keyword === 'additionalProperties')
    params.additionalProperty = (params.additionalProperties as unknown[])[0];
  return { ...error, params };
}

/**
 * The first problem with an IPC call's arguments, or undefined when they fit the channel's schemas: a wrong
 * count, or the first invalid argument described like a REST body (`name must be a string`).
 */
export function checkIpcArgs(
  channel: string,
  schemas: readonly TSchema[],
  args: readonly unknown[],
): ValidationProblem | undefined {
  if (args.length !== schemas.length) {
    return { message: `${channel} takes ${schemas.length} argument(s), got ${args.length}` };
  }
  for (const [index, schema] of schemas.entries()) {
    const value = args[index];
    if (Value.Check(schema, value)) continue;
    // `schema is false` entries repeat what the additionalProperties entry says.
    const errors = [...Value.Errors(schema, value)].filter((e) => e.keyword !== 'boolean').map(asAjvError);
    return describeValidation(errors, `argument ${index + 1} of ${channel}`);
  }
  return undefined;
}
