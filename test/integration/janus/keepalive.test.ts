import { describe, expect, it } from 'vitest';

import { JanusError } from '../../../main/janus';
import { useLab } from '../../lab/vitest';
import { connect, connectAdmin, TRANSPORTS } from './connect';

/** Janus forgets an idle session after this many seconds; its watchdog looks every 2 s. */
const SESSION_TIMEOUT_S = 3;
const lab = useLab({ cameras: 1, sessionTimeout: SESSION_TIMEOUT_S });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(TRANSPORTS)('keepalive over %s', (transport) => {
  it('keeps an idle session alive well past session_timeout', async () => {
    const connection = await connect(lab(), transport, { keepaliveIntervalMs: 1_000 });
    const admin = await connectAdmin(lab(), transport);
    try {
      const session = await connection.createSession();
      let timedOut = false;
      session.on('timeout', () => {
        timedOut = true;
      });
      await sleep(SESSION_TIMEOUT_S * 1_000 * 3);
      expect(timedOut).toBe(false);
      expect(await admin.listSessions()).toContain(session.id);
      const streaming = await session.attachStreaming();
      expect(Array.isArray(await streaming.list())).toBe(true);
    } finally {
      await admin.close();
      await connection.close();
    }
  });
});

describe('without keepalive (WebSocket)', () => {
  it('Janus times the session out and the session says so', async () => {
    const connection = await connect(lab(), 'ws', { keepaliveIntervalMs: 3_600_000 });
    try {
      const session = await connection.createSession();
      const timedOut = new Promise<void>((resolve) =>
        session.on('timeout', () => {
          resolve();
        }),
      );
      await timedOut;
      const error: unknown = await session.attachStreaming().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(JanusError);
      expect(['JANUS_ERR_CLOSED', 'JANUS_ERR_SESSION_NOT_FOUND']).toContain((error as JanusError).code);
    } finally {
      await connection.close();
    }
  });
});
