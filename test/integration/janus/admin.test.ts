import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { JanusAdmin, JanusConnection, JanusUnauthorizedError } from '../../../main/janus';
import { useLab } from '../../lab/vitest';
import { connect, connectAdmin, TRANSPORTS } from './connect';

const lab = useLab({ cameras: 1 });

describe.each(TRANSPORTS)('Admin API over %s', (transport) => {
  it('answers info, ping, log level and plugin messages', async () => {
    const admin = await connectAdmin(lab(), transport);
    try {
      const info = await admin.info();
      expect(info.name).toBe('Janus WebRTC Server');
      await admin.ping();
      await admin.setLogLevel(4);
      await admin.setLogLevel(3);
      const answer = await admin.messagePlugin('janus.plugin.streaming', {
        request: 'list',
        admin_key: lab().janus.streaming_admin_key,
      });
      expect(answer).toMatchObject({ streaming: 'list' });
    } finally {
      await admin.close();
    }
  });

  it('refuses a wrong admin_secret with a typed error', async () => {
    const url = transport === 'http' ? lab().janus.admin_url : lab().janus.admin_ws_url;
    const admin = await JanusAdmin.connect({
      url,
      adminSecret: 'not-the-admin-secret',
      origin: lab().janus.allow_origin,
    });
    try {
      await expect(admin.listSessions()).rejects.toBeInstanceOf(JanusUnauthorizedError);
    } finally {
      await admin.close();
    }
  });

  it('token auth: a plugin-scoped token added over the Admin API opens a session, and stops when removed', async () => {
    const admin = await connectAdmin(lab(), transport);
    const token = randomBytes(16).toString('hex');
    try {
      await admin.addToken(token, ['janus.plugin.streaming']);
      expect(await admin.listTokens()).toContainEqual(
        expect.objectContaining({ token, allowed_plugins: ['janus.plugin.streaming'] }),
      );

      const url = transport === 'http' ? lab().janus.http_url : lab().janus.ws_url;
      const viewer = await JanusConnection.connect({
        url,
        token,
        origin: lab().janus.allow_origin,
        requestTimeoutMs: 5_000,
      });
      try {
        const session = await viewer.createSession();
        const streaming = await session.attachStreaming();
        expect(Array.isArray(await streaming.list())).toBe(true);
        await session.destroy();
      } finally {
        await viewer.close();
      }

      await admin.removeToken(token);
      expect((await admin.listTokens()).map((t) => t.token)).not.toContain(token);
      const refused = JanusConnection.connect({
        url,
        token,
        origin: lab().janus.allow_origin,
        requestTimeoutMs: 5_000,
      }).then((c) => c.createSession().finally(() => c.close()));
      await expect(refused).rejects.toMatchObject({ code: 'JANUS_ERR_UNAUTHORIZED', janusCode: 403 });
    } finally {
      await admin.close();
    }
  });

  it('api_secret still works beside token auth', async () => {
    const connection = await connect(lab(), transport);
    const session = await connection.createSession();
    await session.destroy();
    await connection.close();
  });
});
