// How stations reach a NATS that is not open to all, against real nats-servers: a user with a password (the
// compose file's setup), and TLS with a CA and a client certificate (openssl makes them for 127.0.0.1). A wrong
// password and a certificate the server does not trust are refused with an error that says so.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClusterConnection, type ClusterConnectOptions } from '../../../main/cluster/connection';
import { startNatsServer, type NatsServer } from './nats-server';

const run = promisify(execFile);
const logger = pino({ level: 'silent' });
let folder: string;
const servers: NatsServer[] = [];

/** Connects, writes and reads one KV value (JetStream through the same door), closes. */
async function roundTrip(options: Omit<ClusterConnectOptions, 'name'>): Promise<string | undefined> {
  const connection = await ClusterConnection.connect({ ...options, name: 'test', timeoutMs: 3_000 }, logger);
  try {
    const bucket = await connection.bucket('vigil_test');
    await bucket.put('probe', 'ok');
    return (await bucket.get('probe'))?.string();
  } finally {
    await connection.close();
  }
}

/** A CA (no `ca`), or a certificate `ca` signs for 127.0.0.1 (which the NATS client checks as localhost). */
async function certificate(
  name: string,
  ca: { cert: string; key: string } | undefined,
): Promise<{ cert: string; key: string }> {
  const cert = join(folder, `${name}.pem`);
  const key = join(folder, `${name}-key.pem`);
  const subject = ['-subj', `/CN=${name}`];
  if (ca === undefined) {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      ...subject,
    ]);
    return { cert, key };
  }
  const request = join(folder, `${name}.csr`);
  const extensions = join(folder, `${name}.ext`);
  await writeFile(extensions, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', request, ...subject]);
  await run('openssl', [
    ...['x509', '-req', '-in', request, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial'],
    ...['-days', '1', '-extfile', extensions, '-out', cert],
  ]);
  return { cert, key };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vigil-nats-auth-'));
});

afterAll(async () => {
  for (const server of servers) await server.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('reaching a protected NATS', () => {
  it('with a user and password (--cluster-user, --cluster-password-file); a wrong password is refused', async () => {
    const nats = await startNatsServer(['--user', 'vigil', '--pass', 'a-long-nats-password']);
    servers.push(nats);
    expect(await roundTrip({ servers: [nats.url], user: 'vigil', password: 'a-long-nats-password' })).toBe(
      'ok',
    );
    await expect(roundTrip({ servers: [nats.url], user: 'vigil', password: 'wrong' })).rejects.toThrow(
      /authorization/i,
    );
  });

  it('over TLS with a client certificate (--cluster-tls-ca, -cert, -key); an untrusted client is refused', async () => {
    const ca = await certificate('vigil-test-ca', undefined);
    const server = await certificate('nats-server', ca);
    const client = await certificate('station', ca);
    const nats = await startNatsServer([
      ...['--tls', '--tlscert', server.cert, '--tlskey', server.key],
      ...['--tlsverify', '--tlscacert', ca.cert],
    ]);
    servers.push(nats);
    const tls = { caFile: ca.cert, certFile: client.cert, keyFile: client.key };
    expect(await roundTrip({ servers: [nats.url], tls })).toBe('ok');
    const stranger = await certificate('stranger', undefined);
    await expect(
      roundTrip({
        servers: [nats.url],
        tls: { caFile: ca.cert, certFile: stranger.cert, keyFile: stranger.key },
      }),
    ).rejects.toThrow();
  });
});
