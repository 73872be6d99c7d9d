// Temporary files an atomic write leaves behind when the process dies between writing and renaming (kill -9,
// power loss): conf's (`cameras.json.tmp-<10 digits><6 hex>`) and the station's own
// (`manage.key.<12 hex>.tmp`, `signin-url.<12 hex>.tmp`). They hold a copy of a store, so they are removed at
// start; one younger than a minute may be another process's write in flight (`vigil keys`) and is left alone.
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from 'pino';

/** conf's (atomically's) temp names, and the station's own writeSecretFile/writeSignInUrl temp names. */
const TEMP_NAMES = [/\.json\.tmp-\d{10}[0-9a-f]{6}$/, /^(manage\.key|signin-url)\.[0-9a-f]{12}\.tmp$/];

/** A temp file this young may still be renamed by the process writing it. */
export const TEMP_FILE_MIN_AGE_MS = 60_000;

/** Whether `name` is the name of an atomic write's temp file in the data folder. */
export function isLeftoverTempName(name: string): boolean {
  return TEMP_NAMES.some((pattern) => pattern.test(name));
}

/** Removes the atomic writes' leftover temp files from `dataDir` (regular files only); resolves to their names. */
export async function removeLeftoverTempFiles(
  dataDir: string,
  logger: Pick<Logger, 'info' | 'warn'>,
  now: number = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of (await readdir(dataDir)).filter(isLeftoverTempName)) {
    const path = join(dataDir, name);
    try {
      const stat = await lstat(path);
      if (!stat.isFile() || now - stat.mtimeMs < TEMP_FILE_MIN_AGE_MS) continue;
      await rm(path);
      removed.push(name);
    } catch (error) {
      logger.warn({ err: error, file: path }, 'a leftover temporary file could not be removed');
    }
  }
  if (removed.length > 0)
    logger.info({ files: removed }, 'removed temporary files left by an interrupted write');
  return removed;
}
