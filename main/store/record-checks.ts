// Checks shared by every store's records: the first schema problem of a value, said without the value, and a
// list of records whose ids are unique, a record refused on its way in.
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

import { ErrorCode, VigilError } from '../../common/errors';

/**
 * The check of a document holding one list, `names.list`, of records that fit `schema` with unique `idField`s: the
 * content, or what is wrong, e.g. `view at entry 2 repeats view_id "lobby"` (never a value other than the id).
 */
export function listDocumentCheck<K extends string, S extends TSchema>(
  schema: S,
  names: { list: K; record: string; idField: string },
): (content: Record<string, unknown>) => Record<K, Static<S>[]> | string {
  return (content) => {
    const value = content[names.list] ?? [];
    if (!Array.isArray(value)) return `"${names.list}" is not a list`;
    const ids = new Set<unknown>();
    for (const [index, entry] of (value as unknown[]).entries()) {
      const where = `${names.record} at entry ${index + 1}`;
      if (!Value.Check(schema, entry))
        return `${where} ${schemaProblem(schema, entry)?.text ?? 'is invalid'}`;
      const id = (entry as Record<string, unknown>)[names.idField];
      if (ids.has(id)) return `${where} repeats ${names.idField} "${String(id)}"`;
      ids.add(id);
    }
    return { [names.list]: value } as Record<K, Static<S>[]>;
  };
}

/** The first schema violation of `value`, as `field <path> <what is wrong>` (never the value itself). */
export function schemaProblem(schema: TSchema, value: unknown): { field: string; text: string } | undefined {
  const [error] = Value.Errors(schema, value);
  if (error === undefined) return undefined;
  const field = error.instancePath.slice(1).replaceAll('/', '.');
  // TypeBox reports an unknown property as `additionalProperties: false` failing at the property's path.
  const what = error.keyword === 'boolean' ? 'is not an allowed field' : error.message;
  return { field, text: field === '' ? what : `field ${field} ${what}` };
}

/** Throws `VIGIL_ERR_VALIDATION` on the first field that breaks `schema`, e.g. `View record field name …`. */
export function assertRecord(schema: TSchema, value: unknown, label: string): void {
  const problem = schemaProblem(schema, value);
  if (problem !== undefined) {
    throw new VigilError(ErrorCode.Validation, `${label} ${problem.text}`, problem.field || undefined);
  }
}
