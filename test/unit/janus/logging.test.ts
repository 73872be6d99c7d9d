import { Writable } from 'node:stream';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { JanusAdmin } from '../../../main/janus/admin';
import { JanusConnection } from '../../../main/janus/connection';
import { FakeTransport, janusLike } from './fake-transport';
import type { Sent } from './fake-transport';

const SECRETS = {
  apiSecret: 'SECRET-apisecret-1',
  token: 'SECRET-token-2',
  adminKey: 'SECRET-admin-key-3',
  mountSecret: 'SECRET-mount-secret-4',
  pin: 'SECRET-pin-5',
  rtspPwd: 'SECRET-rtsp-pwd-6',
  adminSecret: 'SECRET-admin-secret-7',
};

/** A debug-level pino logger (without redaction) whose lines land in `lines`. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: pino({ level: 'trace' }, stream) };
}

describe('logging', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs requests at debug through janus/* children and never a secret, even without redaction', async () => {
    const { lines, logger } = capture();
    const transport = new FakeTransport('ws', (request: Sent) =>
      request.janus === 'message'
        ? {
            janus: 'success',
            transaction: request.transaction,
            plugindata: {
              plugin: 'janus.plugin.streaming',
              data: { streaming: 'event', error_code: 456, error: "Error creating 'RTSP' stream" },
            },
          }
        : janusLike(request),
    );
    const connection = await JanusConnection.connect({
      url: 'ws://127.0.0.1:18188',
      transport,
      logger,
      apiSecret: SECRETS.apiSecret,
      token: SECRETS.token,
    });
    const session = await connection.createSession();
    const streaming = await session.attachStreaming({ adminKey: SECRETS.adminKey });
    await streaming
      .create({
        type: 'rtsp',
        url: `rtsp://viewer:${SECRETS.rtspPwd}@127.0.0.1:8554/cam1`,
        rtsp_user: 'viewer',
        rtsp_pwd: SECRETS.rtspPwd,
        video: true,
        secret: SECRETS.mountSecret,
        pin: SECRETS.pin,
      })
      .catch(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    transport.drop();
    transport.restore();
    await connection.close();

    const admin = await JanusAdmin.connect({
      url: 'http://127.0.0.1:17088/admin',
      adminSecret: SECRETS.adminSecret,
      logger,
      transport: new FakeTransport('http', ({ transaction }) => ({
        janus: 'success',
        transaction,
        sessions: [],
      })),
    });
    await admin.listSessions();
    await admin.close();

    const output = lines.join('');
    expect(output).toContain('"name":"janus/connection"');
    expect(output).toContain('"name":"janus/session"');
    expect(output).toContain('"name":"janus/admin"');
    for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
    expect(transport.sent.some((request) => JSON.stringify(request).includes(SECRETS.rtspPwd))).toBe(true);
  });
});
