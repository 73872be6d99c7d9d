import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { JanusSessionNotFoundError, JanusTransportError, type JanusSession } from '../../../main/janus';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import { connect, labCamera, TRANSPORTS } from './connect';

const lab = useLab({ cameras: 1 });

describe.each(TRANSPORTS)('Janus killed with SIGKILL, over %s', (transport) => {
  it('pending requests fail with a transport error, not a timeout; the client comes back with Janus', async () => {
    // A request timeout far longer than the test: a rejection can only come from the dropped connection.
    const connection = await connect(lab(), transport, {
      requestTimeoutMs: 120_000,
      keepaliveIntervalMs: 1_000,
      reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
    });
    try {
      const session = await connection.createSession();
      const lost = new Promise<unknown>((resolve) => session.on('lost', resolve));
      const streaming = await session.attachStreaming({ adminKey: lab().janus.streaming_admin_key });

      // Keep many requests in flight, then kill Janus under them.
      const camera = labCamera(lab());
      const inFlight = Array.from({ length: 20 }, () =>
        streaming
          .create({
            type: 'rtsp',
            url: camera.url,
            rtsp_user: camera.username,
            rtsp_pwd: camera.password,
            video: true,
            audio: false,
            secret: randomBytes(8).toString('hex'),
          })
          .then(
            () => 'created' as const,
            (error: unknown) => error,
          ),
      );
      await lab().janus.kill('SIGKILL');
      const outcomes = await Promise.all(inFlight);
      const failures = outcomes.filter((o) => o !== 'created');
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) expect(failure).toBeInstanceOf(JanusTransportError);

      // While Janus is down, new work fails fast with the same typed error.
      await expect(connection.createSession()).rejects.toBeInstanceOf(JanusTransportError);

      await lab().janus.start();
      // The old session died with Janus: it says so with a typed error the caller can rebuild from.
      expect(await lost).toBeInstanceOf(JanusSessionNotFoundError);
      const fresh: JanusSession = await eventually(() => connection.createSession(), 15_000, 200);
      const again = await fresh.attachStreaming({ adminKey: lab().janus.streaming_admin_key });
      expect(Array.isArray(await again.list())).toBe(true);
    } finally {
      await connection.close();
    }
  });
});
