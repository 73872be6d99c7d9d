// The station's logs, as both hosts keep them: one pino root writing JSON lines to stdout AND to
// <dataDir>/logs/vigil.log (0600), secrets redacted by path (main/base/log.ts). Failures the user is told about
// in words go, with their stack, to the file only.
import { chmod, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';

import pino, { type Logger } from 'pino';

import { createRootLogger } from '../base/log';
import { StartupError } from './errors';

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
  const stdout = pino.destination({ dest: 1, sync: true });
  const options = { level: level ?? levelFromEnv(process.env.VIGIL_LOG_LEVEL) };
  const logger = createRootLogger(
    options,
    pino.multistream([
      { stream: stdout, level: 'trace' },
      { stream: file, level: 'trace' },
    ]),
  );
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

function levelFromEnv(text: string | undefined): LogLevel {
  if (text === undefined || text === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === text);
  if (level !== undefined) return level;
  throw new StartupError(
    `VIGIL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${text}"`,
    'unusable-setting',
  );
}
