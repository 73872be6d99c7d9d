import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { JanusAdmin } from '../../../main/janus/admin';
import {
  JanusClosedError,
  JanusPluginError,
  JanusTransportError,
  JanusUnauthorizedError,
  StreamingError,
} from '../../../main/janus/errors';
import { FakeTransport } from './fake-transport';
import type { Sent } from './fake-transport';

const ADMIN_SECRET = 'admin-secret-5d2e';

/** Plays Janus's Admin API. */
function adminJanus(request: Sent): unknown {
  const { transaction } = request;
  switch (request.janus) {
    case 'ping':
      return { janus: 'pong', transaction };
    case 'list_sessions':
      return { janus: 'success', transaction, sessions: [1, 2 ** 52] };
    case 'list_handles':
      return { janus: 'success', session_id: request.session_id, transaction, handles: [3] };
    case 'handle_info':
      return {
        janus: 'success',
        transaction,
        handle_id: request.handle_id,
        info: { plugin: 'janus.plugin.streaming' },
      };
    case 'add_token':
      return { janus: 'success', transaction, data: { plugins: request.plugins } };
    case 'list_tokens':
      return { janus: 'success', transaction, data: { tokens: [{ token: 't', allowed_plugins: ['p'] }] } };
    case 'set_log_level':
      return { janus: 'success', transaction, level: request.level };
    case 'message_plugin':
      return {
        janus: 'success',
        transaction,
        response: { streaming: 'event', error_code: 457, error: 'Unauthorized' },
      };
    default:
      return { janus: 'success', transaction };
  }
}

async function openAdmin(kind: 'http' | 'ws' = 'http') {
  const transport = new FakeTransport(kind, adminJanus);
  const admin = await JanusAdmin.connect({
    url: 'http://127.0.0.1:17088/admin',
    adminSecret: ADMIN_SECRET,
    transport,
  });
  return { transport, admin };
}

describe('JanusAdmin', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends admin_secret (never apisecret) with each request, in Janus request shapes', async () => {
    const { transport, admin } = await openAdmin();
    await admin.ping();
    expect(await admin.listSessions()).toEqual([1, 2 ** 52]);
    expect(await admin.listHandles(1)).toEqual([3]);
    expect(await admin.handleInfo(1, 3)).toEqual({ plugin: 'janus.plugin.streaming' });
    expect(await admin.addToken('tok', ['janus.plugin.streaming'])).toEqual(['janus.plugin.streaming']);
    expect(await admin.listTokens()).toEqual([{ token: 't', allowed_plugins: ['p'] }]);
    await admin.removeToken('tok');
    expect(await admin.setLogLevel(4)).toBe(4);

    const shapes = transport.sent.map(({ transaction: _transaction, ...rest }) => rest);
    expect(shapes).toEqual([
      { janus: 'ping', admin_secret: ADMIN_SECRET },
      { janus: 'list_sessions', admin_secret: ADMIN_SECRET },
      { janus: 'list_handles', session_id: 1, admin_secret: ADMIN_SECRET },
      { janus: 'handle_info', session_id: 1, handle_id: 3, admin_secret: ADMIN_SECRET },
      { janus: 'add_token', token: 'tok', plugins: ['janus.plugin.streaming'], admin_secret: ADMIN_SECRET },
      { janus: 'list_tokens', admin_secret: ADMIN_SECRET },
      { janus: 'remove_token', token: 'tok', admin_secret: ADMIN_SECRET },
      { janus: 'set_log_level', level: 4, admin_secret: ADMIN_SECRET },
    ]);
    for (const request of transport.sent) expect(request).not.toHaveProperty('apisecret');
  });

  it('maps a plugin error_code in message_plugin to StreamingError or JanusPluginError', async () => {
    const { transport, admin } = await openAdmin();
    const request = { request: 'create', type: 'rtsp', url: 'rtsp://127.0.0.1/x', admin_key: 'k' };
    await expect(admin.messagePlugin('janus.plugin.streaming', request)).rejects.toMatchObject({
      constructor: StreamingError,
      code: 'STREAMING_ERR_UNAUTHORIZED',
      janusCode: 457,
    });
    expect(transport.last('message_plugin')).toMatchObject({ plugin: 'janus.plugin.streaming', request });
    await expect(admin.messagePlugin('janus.plugin.other', {})).rejects.toBeInstanceOf(JanusPluginError);
  });

  it('turns a 403 into JanusUnauthorizedError', async () => {
    const { transport, admin } = await openAdmin();
    transport.responder = ({ transaction }) => ({
      janus: 'error',
      transaction,
      error: { code: 403, reason: 'Unauthorized request (wrong or missing secret/token)' },
    });
    await expect(admin.listSessions()).rejects.toBeInstanceOf(JanusUnauthorizedError);
  });

  it('fails pending requests at once when its WebSocket drops, and with JanusClosedError on close', async () => {
    const { transport, admin } = await openAdmin('ws');
    transport.responder = undefined;
    const dropped = admin.listSessions().catch((e: unknown) => e);
    transport.drop();
    expect(await dropped).toBeInstanceOf(JanusTransportError);
    transport.restore();
    const closing = admin.listSessions().catch((e: unknown) => e);
    await admin.close();
    await admin.close();
    expect(await closing).toBeInstanceOf(JanusClosedError);
    expect(transport.closed).toBe(true);
  });
});
