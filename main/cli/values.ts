// Checks for flag values: each failure is a UsageError saying which flag, why, and what a good value is.
import { LOG_LEVELS, type LogLevel } from '../runtime/logging';
import { UsageError } from './cli-error';

/** A TCP/UDP port 1-65535. */
export function parsePort(flag: string, text: string, topic: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`${flag} must be a port number 1-65535, got "${text}"`, topic);
  }
  return port;
}

/** An inclusive port range written `MIN-MAX`, e.g. `20000-20100`. */
export function parsePortRange(flag: string, text: string, topic: string): { min: number; max: number } {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (match === null || !(min >= 1 && max <= 65535 && min <= max)) {
    throw new UsageError(
      `${flag} must be a port range MIN-MAX within 1-65535, e.g. 20000-20100; got "${text}"`,
      topic,
    );
  }
  return { min, max };
}

/** An absolute http(s) URL. */
export function parseHttpUrl(flag: string, text: string, topic: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(
      `${flag} must be an http:// or https:// URL, e.g. http://vigil.example.com:3000; got "${text}"`,
      topic,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`${flag} must not carry a user name or password`, topic);
  }
  return url;
}

/** A browser origin (`scheme://host[:port]`, no path), as CORS compares it. */
export function parseOrigin(flag: string, text: string, topic: string): string {
  const url = parseHttpUrl(flag, text, topic);
  if (url.origin !== text.replace(/\/$/, '')) {
    throw new UsageError(
      `${flag} must be an origin without a path, e.g. ${url.origin}; got "${text}"`,
      topic,
    );
  }
  return url.origin;
}

/** A STUN/TURN server URL (`stun:`, `turn:` or `turns:`), as browsers take it in `iceServers`. */
export function parseIceServer(flag: string, text: string, topic: string): string {
  if (!/^(stun|turns?):[^\s]+$/.test(text)) {
    throw new UsageError(
      `${flag} must be a stun:, turn: or turns: URL, e.g. stun:stun.example.com:3478; got "${text}"`,
      topic,
    );
  }
  return text;
}

/** One of pino's log levels. */
export function parseLogLevel(flag: string, text: string, topic: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === text);
  if (level === undefined)
    throw new UsageError(`${flag} must be one of ${LOG_LEVELS.join(', ')}; got "${text}"`, topic);
  return level;
}

/** A non-empty host name or address (no scheme, no path). */
export function parseHostName(flag: string, text: string, topic: string): string {
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._:-]+)$/.test(text)) {
    throw new UsageError(
      `${flag} must be a host name or address (no scheme or path), e.g. 127.0.0.1; got "${text}"`,
      topic,
    );
  }
  return text;
}

/** A whole number from 1 to `max`, e.g. `--demo 4`. */
export function parseCount(flag: string, text: string, topic: string, max: number): number {
  const count = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(count >= 1 && count <= max)) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${text}"`, topic);
  }
  return count;
}

const BYTE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  K: 2 ** 10,
  M: 2 ** 20,
  G: 2 ** 30,
  T: 2 ** 40,
};

/** A byte count: digits with an optional K, M, G or T (powers of 1024), e.g. `500G`; at least 1 MiB. */
export function parseByteSize(flag: string, text: string, topic: string): number {
  const match = /^(\d{1,15})([KMGT]?)B?$/i.exec(text.trim());
  const bytes = match === null ? NaN : Number(match[1]) * (BYTE_UNITS[(match[2] ?? '').toUpperCase()] ?? NaN);
  if (!Number.isSafeInteger(bytes) || bytes < 2 ** 20) {
    throw new UsageError(`${flag} must be a size of at least 1M, e.g. 500G or 2T; got "${text}"`, topic);
  }
  return bytes;
}
