// The station's logs, as both hosts keep them: one pino root writing JSON lines to <dataDir>/logs/vigil.log
// (0600) and short human lines to the terminal (terminal-log.ts), secrets redacted by path (main/base/log.ts).
// Unless a level is asked for, the file gets info and up and the terminal only warnings and errors, so the
// startup banner is the last thing `vigil serve` prints. Failures the user is told about in words go, with their
// stack, to the file only. A log file the disk refuses (full, read-only) never stops the station: its lines are
// dropped and counted (log-file.ts), the terminal says so once per streak, and /metrics shows the count.
import { join } from 'node:path';

import pino, { type Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';

import { createRootLogger } from '../base/log';
import { StartupError } from './errors';
import { LogFile } from './log-file';
import { terminalLine, terminalStream } from './terminal-log';

/** pino's levels, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A log level the station accepts. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The station's loggers and its log file. */
export interface StationLogging {
  /** The root: stdout and the file. */
  logger: Logger;
  /** The file only: for stack traces the user should not see on their terminal. */
  fileLogger: Logger;
  /** `<dataDir>/logs/vigil.log`. */
  logFile: string;
  /** Log lines the file could not take (dropped) since the start. */
  droppedLines: () => number;
  /** Makes what was written reach the disk (call before exiting). */
  flush(): void;
}

/** Where the terminal's lines go (stdout; tests pass their own). */
export type TerminalWrite = (text: string) => void;

/** Opens the log file (creating logs/ 0700 and the file 0600) and builds the loggers; `level` beats VIGIL_LOG_LEVEL. */
export function setupLogging(
  dataDir: string,
  level: LogLevel | undefined,
  writeTerminal: TerminalWrite = (text) => process.stdout.write(text),
): StationLogging {
  const logFile = join(dataDir, 'logs', 'vigil.log');
  const chosen = level ?? levelFromEnv(process.env.VIGIL_LOG_LEVEL);
  const options = { level: chosen ?? 'info' };
  const terminalLevel = chosen === undefined ? 'warn' : chosen;
  const tell = (message: string): void => {
    if (terminalLevel === 'silent') return;
    const text = terminalLine({ level: 40, time: Date.now(), name: 'logging', msg: message }, terminalLevel);
    if (text !== undefined) writeTerminal(text);
  };
  const loggers: { logger?: Logger } = {};
  const file = new LogFile(logFile, {
    dropping: (error) => {
      tell(
        `the log file ${logFile} cannot be written (${errorText(error)}): log lines are dropped and counted ` +
          '(vigil_log_lines_dropped_total in /metrics) until it can; the station keeps running',
      );
    },
    // Told from inside a write: logged once that write is over, never from within it.
    recovered: (dropped) => {
      setImmediate(() => {
        loggers.logger?.warn({ dropped }, 'the log file can be written again; lines were dropped meanwhile');
      });
    },
  });
  const streams: pino.StreamEntry[] = [{ stream: file, level: 'trace' }];
  if (terminalLevel !== 'silent') {
    streams.push({ stream: terminalStream(terminalLevel, writeTerminal), level: terminalLevel });
  }
  const logger = createRootLogger(options, pino.multistream(streams));
  loggers.logger = logger;
  return {
    logger,
    fileLogger: createRootLogger(options, file),
    logFile,
    droppedLines: () => file.dropped(),
    flush: () => {
      file.flush();
    },
  };
}

/** Counts the dropped log lines in `registry` as `vigil_log_lines_dropped_total`. */
export function registerLogMetrics(registry: Registry, droppedLines: () => number): void {
  let counted = 0;
  new Counter({
    name: 'vigil_log_lines_dropped_total',
    help: 'Log lines the log file could not take (disk full or read-only) and that were dropped',
    registers: [registry],
    collect() {
      const now = droppedLines();
      if (now > counted) this.inc(now - counted);
      counted = now;
    },
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function levelFromEnv(text: string | undefined): LogLevel | undefined {
  if (text === undefined || text === '') return undefined;
  const level = LOG_LEVELS.find((l) => l === text);
  if (level !== undefined) return level;
  throw new StartupError(
    `VIGIL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${text}"`,
    'unusable-setting',
  );
}
