import type { FastifySchemaValidationError } from 'fastify';

import { NAMED_PATTERNS } from '../../common/patterns';

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  integer: 'an integer',
  null: 'null',
};
const MAX_FIELD = 64;

/** A validation failure as the error body reports it. */
export interface ValidationProblem {
  field?: string;
  message: string;
}

function truncate(text: string): string {
  return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD)}…` : text;
}

function join(path: string, name: unknown): string {
  const tail = typeof name === 'string' ? name : '';
  return path === '' ? tail : `${path}/${tail}`;
}

/** The property path an error is about, without the leading slash (`tags/3`), or `undefined` for the root. */
function fieldOf(error: FastifySchemaValidationError): string | undefined {
  const path = error.instancePath.replace(/^\//, '');
  const { params } = error;
  if (error.keyword === 'required') return truncate(join(path, params.missingProperty));
  if (error.keyword === 'additionalProperties') return truncate(join(path, params.additionalProperty));
  return path === '' ? undefined : truncate(path);
}

function plural(n: unknown, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The predicate part of one error ("must be a string"). */
function phrase(error: FastifySchemaValidationError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known property';
    case 'type': {
      const type = String(params.type);
      return `must be ${ARTICLE[type] ?? `a ${type}`}`;
    }
    case 'pattern':
      // Words, never the regex (common/patterns.ts names every pattern of the contract).
      return NAMED_PATTERNS.get(String(params.pattern))?.words ?? 'is not in the expected form';
    case 'minLength':
      return params.limit === 1
        ? 'must not be empty'
        : `must be at least ${plural(params.limit, 'character')}`;
    case 'maxLength':
      return `must be at most ${plural(params.limit, 'character')}`;
    case 'minItems':
      return `must have at least ${plural(params.limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(params.limit, 'item')}`;
    case 'uniqueItems':
      return 'must not contain duplicates';
    case 'minProperties':
      return params.limit === 1
        ? 'must contain at least one field'
        : `must have ${String(params.limit)} fields`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** The phrase for an `anyOf` failure: "must be one of: basic, digest", or each branch's phrase joined by "or". */
function anyOfPhrase(branches: FastifySchemaValidationError[]): string {
  const consts = branches.filter((e) => e.keyword === 'const').map((e) => String(e.params.allowedValue));
  if (consts.length > 0 && consts.length === branches.length) return `must be one of: ${consts.join(', ')}`;
  return [...new Set(branches.map(phrase))]
    .map((p, i) => (i === 0 ? p : p.replace(/^must /, '')))
    .join(' or ');
}

/**
 * Turns Ajv's errors for one request part into one readable problem: the offending property path as `field`
 * (`camera_id`, `tags/3`, the unknown property's name) and a sentence naming it.
 */
export function describeValidation(
  errors: FastifySchemaValidationError[],
  context: string,
): ValidationProblem {
  const anyOf = errors.find((e) => e.keyword === 'anyOf');
  const branches = anyOf ? errors.filter((e) => e !== anyOf && e.instancePath === anyOf.instancePath) : [];
  const first = anyOf && branches.length === 0 ? anyOf : (branches[0] ?? errors[0]);
  if (first === undefined) return { message: `${context} is invalid` };
  const field = fieldOf(first);
  const predicate = anyOf && branches.length > 0 ? anyOfPhrase(branches) : phrase(first);
  const label = field ?? context;
  const message =
    first.keyword === 'additionalProperties'
      ? `unknown property "${label}" in ${context}`
      : `${label} ${predicate}`;
  return field === undefined ? { message } : { field, message };
}
