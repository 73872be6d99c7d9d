// The two ways a store file stops the station — damaged (a copy is kept) or unreadable (the fix is named) — and
// the one way a write fails without stopping it: the disk refuses (full, read-only, no permission), answered 503.
import { dirname } from 'node:path';

import { ErrorCode, VigilError } from '../../common/errors';

/** A store file the station cannot trust. It stops the station; the file is left as it is and a copy made. */
export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_STORE_CORRUPT';

  constructor(
    /** The damaged file. */
    readonly path: string,
    /** What is wrong, e.g. `bad JSON at line 4 column 3: …` or `record "lobby" field mountpoint.pin …`. */
    readonly problem: string,
    /** The copy made before stopping (`<file>.corrupt-<timestamp>`), when one could be made. */
    readonly backupPath: string | undefined,
  ) {
    super(
      `${path} is damaged: ${problem}. ` +
        (backupPath === undefined ? 'No copy could be made. ' : `A copy was saved as ${backupPath}. `) +
        'The file was left as it is and the station stops rather than start without its data. ' +
        'Repair the file or restore a backup, then start again; to start empty, move the file away.',
    );
  }
}

/** A store file exists but cannot be read (permissions, a directory in its place…). */
export class StoreUnreadableError extends Error {
  override readonly name = 'StoreUnreadableError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_STORE_UNREADABLE';

  constructor(
    /** The file that cannot be read. */
    readonly path: string,
    /** The operating system's error code, e.g. `EACCES`. */
    readonly errno: string,
    options?: ErrorOptions,
  ) {
    super(
      `Cannot read ${path} (${errno}). ` +
        (errno === 'EACCES' || errno === 'EPERM'
          ? `Give the station's user read and write access: chown <station-user> '${path}' && chmod 600 '${path}'.`
          : 'It must be a regular file the station can read and write.'),
      options,
    );
  }
}

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`…), if it has one. */
export function errnoOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Why the disk refused a write, and what to do, by the operating system's error code. */
const REFUSALS: Readonly<Record<string, (dir: string) => string>> = {
  ENOSPC: (dir) => `the disk holding ${dir} is full (ENOSPC). Free some space there`,
  EDQUOT: (dir) =>
    `the disk quota of the station's user on ${dir} is used up (EDQUOT). Free some space there`,
  EROFS: (dir) => `${dir} is on a read-only file system (EROFS). Make it writable again`,
  EACCES: (dir) => `the station's user may not write in ${dir} (EACCES). Give it write access`,
  EPERM: (dir) => `the station's user may not write in ${dir} (EPERM). Give it write access`,
};

/**
 * The error a failed store write becomes: `VIGIL_ERR_STORAGE_UNAVAILABLE` (503) naming the folder and the fix when
 * the disk refused it (full, read-only, no permission), else `error` itself.
 */
export function storeWriteError(path: string, error: unknown): unknown {
  const refusal = REFUSALS[errnoOf(error) ?? ''];
  if (refusal === undefined) return error;
  return new VigilError(
    ErrorCode.StorageUnavailable,
    `The station cannot save changes: ${refusal(dirname(path))}, then try again. Nothing was changed; ` +
      'cameras, live video and reads keep working.',
    undefined,
    { cause: error },
  );
}
