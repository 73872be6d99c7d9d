// The station's logs, as both hosts keep them: one pino root writing JSON lines to <dataDir>/logs/vigil.log
// (0600) and short human lines to the terminal (terminal-log.ts), secrets redacted by path (main/base/log.ts).
// Unless a level is asked for, the file gets info and up and the terminal only warnings and errors, so the
// startup banner is the last thing `vigil serve` prints. Failures the user is told about in words go, with their
// stack, to the file only.
import { chmod, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';

import pino, { type Logger } from 'pino';

import { createRootLogger } from '../base/log';
import { StartupError } from './errors';
import { terminalStream } from './terminal-log';

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
  /** Writes out anything buffered (call before exiting). */
  flush(): void;
}

/** Opens the log file (creating logs/ 0700 and the file 0600) and builds the loggers; `level` beats VIGIL_LOG_LEVEL. */
export async function setupLogging(dataDir: string, level: LogLevel | undefined): Promise<StationLogging> {
  const dir = join(dataDir, 'logs');
  const logFile = join(dir, 'vigil.log');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Created 0600 from the first byte; an older, looser file is tightened.
  await (await open(logFile, 'a', 0o600)).close();
  await chmod(logFile, 0o600);
  const file = pino.destination({ dest: logFile, append: true, sync: true });
  const chosen = level ?? levelFromEnv(process.env.VIGIL_LOG_LEVEL);
  const options = { level: chosen ?? 'info' };
  const terminalLevel = chosen === undefined ? 'warn' : chosen;
  const streams: pino.StreamEntry[] = [{ stream: file, level: 'trace' }];
  if (terminalLevel !== 'silent') {
    const terminal = terminalStream(terminalLevel, (text) => process.stdout.write(text));
    streams.push({ stream: terminal, level: terminalLevel });
  }
  const logger = createRootLogger(options, pino.multistream(streams));
  const fileLogger = createRootLogger(options, file);
  return {
    logger,
    fileLogger,
    logFile,
    flush: () => {
      file.flushSync();
    },
  };
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
