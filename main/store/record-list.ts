// A document holding one list of records keyed by an id (cameras, views): frozen records in creation order; insert
// refuses a taken id, replace and remove an unknown one. What a record must be is the caller's rule.
import type { VigilError } from '../../common/errors';
import type { JsonDocument } from './document-store';

/**
 * The records of a list in creation order. Reads come from memory; writes are async so that a shared store (cluster
 * mode's JetStream KV) can settle them by compare-and-swap — the file list resolves at once.
 */
export interface RecordList<T> {
  /** Every record in creation order (frozen records). */
  list(): readonly T[];
  /** One record, or undefined. */
  get(id: string): T | undefined;
  /** Adds a record; throws the list's `exists` error for a taken id. */
  insert(record: T): Promise<void>;
  /** Replaces a record in place; throws the list's `notFound` error for an unknown id. */
  replace(record: T): Promise<void>;
  /** Removes a record; throws the list's `notFound` error for an unknown id. */
  remove(id: string): Promise<void>;
}

/** How a list tells its records apart, checks and freezes them, and refuses ids. */
export interface RecordListRules<T> {
  /** The record's id. */
  idOf(record: T): string;
  /** Throws when `record` may not be stored beside the `records` already there. */
  check(record: T, records: readonly T[]): void;
  /** Freezes a record the list owns (and its nested parts) and returns it. */
  freeze(record: T): T;
  /** The error for an id another record has. */
  exists(id: string): VigilError;
  /** The error for an unknown id. */
  notFound(id: string): VigilError;
}

/** The list under `key` in `document`, kept by `rules`. */
export function createRecordList<K extends string, T>(
  document: JsonDocument<Record<K, T[]>>,
  key: K,
  rules: RecordListRules<T>,
): RecordList<T> {
  let records: readonly T[] = Object.freeze(document.read()[key].map((record) => rules.freeze(record)));
  const write = (next: T[]): void => {
    document.write({ [key]: next } as Partial<Record<K, T[]>>);
    records = Object.freeze(next);
  };
  const indexOf = (id: string): number => records.findIndex((r) => rules.idOf(r) === id);
  const admitted = (record: T): T => {
    rules.check(record, records);
    return rules.freeze(structuredClone(record));
  };
  return {
    list: () => records,
    get: (id) => records[indexOf(id)],
    insert: settled((record: T) => {
      const clean = admitted(record);
      if (indexOf(rules.idOf(clean)) !== -1) throw rules.exists(rules.idOf(clean));
      write([...records, clean]);
    }),
    replace: settled((record: T) => {
      const clean = admitted(record);
      const index = indexOf(rules.idOf(clean));
      if (index === -1) throw rules.notFound(rules.idOf(clean));
      write(records.with(index, clean));
    }),
    remove: settled((id: string) => {
      if (indexOf(id) === -1) throw rules.notFound(id);
      write(records.filter((r) => rules.idOf(r) !== id));
    }),
  };
}

/** A synchronous write as the list's async one: done (or refused) by the time the promise settles. */
function settled<A>(write: (argument: A) => void): (argument: A) => Promise<void> {
  return (argument) => {
    try {
      write(argument);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
