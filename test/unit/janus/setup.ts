import { JanusConnection } from '../../../main/janus/connection';
import type { ConnectionOptions } from '../../../main/janus/options';
import type { TransportKind } from '../../../main/janus/transport/types';
import { FakeTransport } from './fake-transport';

/** Secrets the tests configure, to check they reach Janus and never a log line. */
export const SECRETS = { apiSecret: 'api-secret-7f3a', token: 'token-91bc' } as const;

/** A connection over a fake transport, with short timings. */
export async function openConnection(
  kind: TransportKind = 'ws',
  options: Partial<ConnectionOptions> = {},
): Promise<{ transport: FakeTransport; connection: JanusConnection }> {
  const transport = new FakeTransport(kind);
  const connection = await JanusConnection.connect({
    url: kind === 'ws' ? 'ws://127.0.0.1:1/' : 'http://127.0.0.1:1/janus',
    transport,
    requestTimeoutMs: 1_000,
    keepaliveIntervalMs: 25_000,
    ...SECRETS,
    ...options,
  });
  return { transport, connection };
}

/** Settles a promise into its value or error, so a test can await it after timers moved. */
export function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
