// A store file as the station reads it before any engine touches it: the exact bytes (for the backup copy of a
// damaged file), the parsed top-level object, and a stamp that changes whenever the file is rewritten.
import { readFileSync, statSync, writeFileSync } from 'node:fs';

import { StoreCorruptError, StoreUnreadableError, errnoOf } from './store-errors';

/** Mode of every store file: owner read/write only. */
export const STORE_FILE_MODE = 0o600;

/** A store file as read before its engine opens it. */
export interface StoreFile {
  /** The exact bytes, for the backup copy. */
  bytes: Buffer;
  /** The parsed top-level object. */
  data: Record<string, unknown>;
}

/** Reads and parses a store file: undefined when absent; {@link StoreUnreadableError} or {@link StoreCorruptError}. */
export function readStoreFile(path: string): StoreFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const errno = errnoOf(error) ?? 'unknown error';
    if (errno === 'ENOENT') return undefined;
    throw new StoreUnreadableError(path, errno, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw storeCorrupt(path, bytes, describeJsonError(error));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw storeCorrupt(path, bytes, 'the top level is not a JSON object');
  }
  return { bytes, data: data as Record<string, unknown> };
}

/** How many names a backup tries when copies of the same moment exist already. */
const BACKUP_NAME_TRIES = 10;

/**
 * Copies the damaged bytes to `<path>.corrupt-<timestamp>` (`-2`, `-3`… when a copy of that moment exists; 0600,
 * never overwriting) and returns the error.
 */
export function storeCorrupt(path: string, bytes: Buffer, problem: string): StoreCorruptError {
  const stamp = `${path}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
  for (let attempt = 1; attempt <= BACKUP_NAME_TRIES; attempt++) {
    const backupPath = attempt === 1 ? stamp : `${stamp}-${attempt}`;
    try {
      writeFileSync(backupPath, bytes, { mode: STORE_FILE_MODE, flag: 'wx' });
      return new StoreCorruptError(path, problem, backupPath);
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') break;
    }
  }
  return new StoreCorruptError(path, problem, undefined);
}

/** Changes whenever the file is replaced or rewritten (the engines rename a new file over it); `missing` when absent. */
export function fileStamp(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return 'missing';
    throw new StoreUnreadableError(path, errnoOf(error) ?? 'unknown error', { cause: error });
  }
}

function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const located = /^(.*) in JSON at position (\d+)(?: \((line \d+ column \d+)\))?/.exec(message);
  if (located !== null)
    return `bad JSON at ${located[3] ?? `byte ${located[2] ?? '?'}`}: ${located[1] ?? ''}`;
  if (message.startsWith('Unexpected end'))
    return 'bad JSON: the file ends too early (empty, or cut off mid-write)';
  // Here V8 quotes the offending character and the text around it, which may be secret, so neither is repeated.
  return 'bad JSON: an unexpected character where a value should start';
}
