import pino, { type Logger, type LoggerOptions } from 'pino';

/** Object paths whose values never reach a log line (secrets, passwords, tokens, RTSP credentials). */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'rtsp_pwd',
  '*.rtsp_pwd',
  'apisecret',
  '*.apisecret',
  'admin_secret',
  '*.admin_secret',
  'admin_key',
  '*.admin_key',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'pin',
  '*.pin',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
] as const;

/** Creates the process's root logger; subsystems take named children (`log.child({ name: 'janus/session' })`). */
export function createRootLogger(options: LoggerOptions = {}): Logger {
  return pino({
    level: process.env.VIGIL_LOG_LEVEL ?? 'info',
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    ...options,
  });
}
