// The station's log file as a pino destination that never takes the station down: a line the disk refuses (full,
// read-only, gone) is dropped and counted, never thrown or emitted as an unhandled 'error' — also when the file
// cannot even be opened at start. While failing it tries the file again every few seconds; a line cut off half-way
// is ended before the next one, so every later line still starts on its own.
import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

import type { DestinationStream } from 'pino';

/** While lines are being dropped, the file is tried again this often (other lines are dropped at once). */
export const LOG_FILE_RETRY_MS = 5_000;

/** What the log file tells its owner; both are called from inside `write`, so they must not log themselves. */
export interface LogFileEvents {
  /** Lines started being dropped (once per streak): the file cannot be opened or written. */
  dropping(error: unknown): void;
  /** A line reached the file again after `dropped` lines were lost. */
  recovered(dropped: number): void;
}

/** A log file destination that drops (and counts) the lines it cannot write. */
export class LogFile implements DestinationStream {
  readonly #events: LogFileEvents;
  readonly #now: () => number;
  #fd: number | undefined;
  #failure: unknown;
  #retryAt = 0;
  #dropped = 0;
  #streak = 0;
  #cutLine = false;

  /** Opens (or creates, 0600, in a 0700 folder) `path` for appending; a failure only makes lines drop. */
  constructor(
    readonly path: string,
    events: LogFileEvents,
    now: () => number = Date.now,
  ) {
    this.#events = events;
    this.#now = now;
    this.#tryOpen();
  }

  /** Lines dropped since the start. */
  dropped(): number {
    return this.#dropped;
  }

  /** Appends one line, or drops and counts it when the file cannot take it. */
  write(line: string): void {
    if (this.#fd === undefined && (this.#now() < this.#retryAt || !this.#tryOpen())) {
      this.#drop();
      return;
    }
    if (!this.#append(this.#cutLine ? `\n${line}` : line)) {
      this.#drop();
      return;
    }
    this.#cutLine = false;
    if (this.#streak > 0) {
      const lost = this.#streak;
      this.#streak = 0;
      this.#events.recovered(lost);
    }
  }

  /** Makes what was written reach the disk (before exiting); a failure is ignored. */
  flush(): void {
    try {
      if (this.#fd !== undefined) fsyncSync(this.#fd);
    } catch {
      // Nothing is buffered here; the lines written are the kernel's now.
    }
  }

  #tryOpen(): boolean {
    let fd: number | undefined;
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      // Created 0600 from the first byte; an older, looser file is tightened.
      fd = openSync(this.path, 'a+', 0o600);
      fchmodSync(fd, 0o600);
      // A line a full disk cut off (this run's or an earlier one's) is ended before the next.
      if (!endsWithNewline(fd)) this.#cutLine = true;
      this.#fd = fd;
      return true;
    } catch (error) {
      if (fd !== undefined) closeQuietly(fd);
      this.#failed(error);
      return false;
    }
  }

  /** Writes all of `text`; on a failure the file is closed, to be opened again after LOG_FILE_RETRY_MS. */
  #append(text: string): boolean {
    const fd = this.#fd;
    if (fd === undefined) return false;
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      return true;
    } catch (error) {
      if (written > 0) this.#cutLine = true;
      closeQuietly(fd);
      this.#fd = undefined;
      this.#failed(error);
      return false;
    }
  }

  #failed(error: unknown): void {
    this.#failure = error;
    this.#retryAt = this.#now() + LOG_FILE_RETRY_MS;
  }

  #drop(): void {
    this.#dropped++;
    this.#streak++;
    if (this.#streak === 1) this.#events.dropping(this.#failure);
  }
}

/** Whether the file is empty or its last byte ends a line. */
function endsWithNewline(fd: number): boolean {
  const { size } = fstatSync(fd);
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already unusable.
  }
}
