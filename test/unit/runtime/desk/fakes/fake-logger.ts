import type { Logger } from 'pino';

/** One recorded log call. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

/** A logger for main/app tests: the pino methods main/app calls, recording each entry. */
export type FakeLogger = Pick<Logger, LogEntry['level']> & { entries: LogEntry[] };

/** Makes a logger that records `{ level, fields, message }` for every call. */
export function fakeLogger(): FakeLogger {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (fields: unknown, message?: unknown): void => {
      const isText = typeof fields === 'string';
      entries.push({
        level,
        fields: isText || typeof fields !== 'object' || fields === null ? {} : fields,
        message: isText ? fields : typeof message === 'string' ? message : '',
      });
    };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}
