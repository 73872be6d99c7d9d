// An append-only journal: one JSON record per line, each append on disk (fdatasync) before it resolves, so a
// record a caller was told about survives a crash or a kill. Appends that arrive together share one write and
// one sync (group commit). Reading tolerates what a kill leaves behind: a torn last line is reported and cut
// off, a damaged line in the middle is reported and skipped; neither stops the station. `rewrite` replaces the
// whole journal atomically (temp file, sync, rename) — for retention and compaction.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { open as openAsync, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

import { runInBackground } from '../../common/background';
import { errnoOf, StoreUnreadableError, storeWriteError } from './store-errors';
import { STORE_FILE_MODE } from './store-file';

/** A line the journal could not use, and why (reported in the log, never fatal). */
export interface JournalDamage {
  /** 1-based line number. */
  line: number;
  problem: string;
}

/** What reading a journal gave: its records in order, and the lines it had to leave out. */
export interface JournalContents<T> {
  records: T[];
  damage: JournalDamage[];
}

/** Checks one parsed line: the record, or a sentence saying what is wrong with it. */
export type JournalCheck<T> = (value: unknown) => T | string;

/** Reads a journal file (none yet: empty); a torn last line is cut off the file so appends start clean. */
export function readJournal<T>(path: string, check: JournalCheck<T>): JournalContents<T> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { records: [], damage: [] };
    throw new StoreUnreadableError(path, errnoOf(error) ?? 'unknown', { cause: error });
  }
  const text = bytes.toString('utf8');
  const lastNewline = text.lastIndexOf('\n');
  const complete = text.slice(0, lastNewline + 1);
  const records: T[] = [];
  const damage: JournalDamage[] = [];
  const lines = complete.split('\n').slice(0, -1);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const value = parseLine(line);
    const checked = value === undefined ? 'not JSON' : check(value.parsed);
    if (typeof checked === 'string') damage.push({ line: index + 1, problem: checked });
    else records.push(checked);
  }
  if (complete.length < text.length) {
    damage.push({
      line: lines.length + 1,
      problem: 'torn last line (the station stopped mid-write); cut off',
    });
    truncateSync(path, Buffer.byteLength(complete, 'utf8'));
  }
  return { records, damage };
}

function parseLine(line: string): { parsed: unknown } | undefined {
  try {
    return { parsed: JSON.parse(line) as unknown };
  } catch {
    return undefined;
  }
}

/** Appends records to a journal file, each on disk before its promise resolves. */
export class JournalWriter<T> {
  #handle: Promise<FileHandle> | undefined;
  #queue: { line: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  /** The batch being written, if any; settles (never rejects) when it is done. */
  #flushing: Promise<void> | undefined;
  /** How many rewrites are running: meanwhile appends wait in the queue. */
  #rewrites = 0;

  constructor(readonly path: string) {}

  /** Appends one record; resolves once it is on disk, rejects (503 when the disk refuses) when it is not. */
  append(record: T): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ line, resolve, reject });
      this.#flushSoon();
    });
  }

  /**
   * Replaces the journal atomically (temp file, sync, rename) with the records `records()` gives once every
   * append already under way is on disk; appends made meanwhile wait and land after it.
   */
  async rewrite(records: () => readonly T[]): Promise<void> {
    this.#rewrites += 1;
    try {
      await this.#flushing;
      await this.#closeHandle();
      const temp = `${this.path}.tmp-${process.pid}`;
      try {
        const fd = openSync(temp, 'w', STORE_FILE_MODE);
        try {
          writeSync(
            fd,
            records()
              .map((record) => `${JSON.stringify(record)}\n`)
              .join(''),
          );
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, this.path);
        syncFolder(dirname(this.path));
      } catch (error) {
        throw storeWriteError(this.path, error);
      }
    } finally {
      this.#rewrites -= 1;
      this.#flushSoon();
    }
  }

  /** Closes the file once pending appends are written. */
  async close(): Promise<void> {
    while (this.#flushing !== undefined) await this.#flushing;
    await this.#closeHandle();
  }

  async #closeHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle !== undefined) await (await handle).close();
  }

  #flushSoon(): void {
    if (this.#flushing !== undefined || this.#rewrites > 0 || this.#queue.length === 0) return;
    const batch = this.#queue;
    this.#queue = [];
    const written = this.#write(batch.map((entry) => entry.line).join('')).then(
      () => {
        for (const entry of batch) entry.resolve();
      },
      (error: unknown) => {
        const failure = storeWriteError(this.path, error);
        const reason = failure instanceof Error ? failure : new Error(String(failure));
        for (const entry of batch) entry.reject(reason);
      },
    );
    // Both outcomes are handled above; the next batch starts once this one settled.
    this.#flushing = written.finally(() => {
      this.#flushing = undefined;
      this.#flushSoon();
    });
    runInBackground(this.#flushing, () => undefined);
  }

  async #write(text: string): Promise<void> {
    this.#handle ??= openAsync(this.path, 'a', STORE_FILE_MODE);
    let handle: FileHandle;
    try {
      handle = await this.#handle;
    } catch (error) {
      this.#handle = undefined;
      throw error;
    }
    const { size } = await handle.stat();
    try {
      await handle.appendFile(text, 'utf8');
      await handle.datasync();
    } catch (error) {
      // A half-written batch would glue the next record onto a torn line: take it back off.
      await handle.truncate(size).catch(() => undefined);
      throw error;
    }
  }
}

/** Syncs a folder so a rename in it survives a crash (not every platform can open a folder: then skipped). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
