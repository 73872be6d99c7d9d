// Janus's output, line by line, into the station log: timestamps stripped, secrets redacted by value (Janus
// prints its whole config at debug level 5+), its [ERR]/[WARN] tags mapped to pino levels, and the last lines
// kept for error messages. Shared by the native process and the container.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

import type { Logger } from 'pino';

const TAIL_LINES = 20;
const LEVELS: readonly [RegExp, 'error' | 'warn'][] = [
  [/\[(FATAL|ERR)\]/, 'error'],
  [/\[WARN\]/, 'warn'],
];
const TIMESTAMP = /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} +\d+ [\d:]+ \d{4}\] /;

/** Where Janus's lines go and what must never appear in them. */
export interface JanusLogOptions {
  /** Receives one entry per line. */
  logger: Logger;
  /** Values replaced by `[redacted]` in every logged or kept line. */
  redact: readonly string[];
  /** Fields added to every entry, e.g. `{ pid }` or `{ container }`. */
  bindings: Record<string, unknown>;
}

/** Logs the lines of Janus's output streams and keeps the last ones. */
export class JanusLog {
  readonly #options: JanusLogOptions;
  readonly #tail: string[] = [];

  constructor(options: JanusLogOptions) {
    this.#options = options;
  }

  /** Logs every line `stream` carries until it ends. */
  pipe(stream: Readable): void {
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (raw) => {
      this.line(raw);
    });
  }

  /** Logs one line of Janus output. */
  line(raw: string): void {
    const line = redactSecrets(raw.replace(TIMESTAMP, ''), this.#options.redact);
    if (line.trim() === '') return;
    this.#tail.push(line);
    if (this.#tail.length > TAIL_LINES) this.#tail.shift();
    const level = LEVELS.find(([pattern]) => pattern.test(line))?.[1] ?? 'info';
    // `source: janus` keeps Janus's own words off the terminal unless it shows debug (runtime/terminal-log.ts).
    this.#options.logger[level]({ ...this.#options.bindings, source: 'janus' }, line);
  }

  /** The last lines (redacted), oldest first. */
  tail(): string {
    return this.#tail.join('\n');
  }
}

/** `line` with every non-empty secret replaced by `[redacted]`. */
export function redactSecrets(line: string, secrets: readonly string[]): string {
  let clean = line;
  for (const secret of secrets) if (secret !== '') clean = clean.replaceAll(secret, '[redacted]');
  return clean;
}
