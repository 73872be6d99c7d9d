import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Object paths whose values never reach a log line (secrets, passwords, tokens, viewer tickets, RTSP credentials). */
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
  'ticket',
  '*.ticket',
  'pin',
  '*.pin',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
] as const;

/**
 * Creates a root logger with secrets redacted, writing to `destination` (default stdout); subsystems take named
 * children (`log.child({ name: 'janus/session' })`).
 */
export function createRootLogger(options: LoggerOptions = {}, destination?: DestinationStream): Logger {
  const settings = {
    level: process.env.VIGIL_LOG_LEVEL ?? 'info',
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    ...options,
  };
  return destination ? pino(settings, destination) : pino(settings);
}
