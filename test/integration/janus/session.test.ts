import { afterEach, describe, expect, it } from 'vitest';

import { JanusClosedError, type JanusConnection } from '../../../main/janus';
import { useLab } from '../../lab/vitest';
import { connect, connectAdmin, TRANSPORTS } from './connect';

const lab = useLab({ cameras: 1 });

describe.each(TRANSPORTS)('sessions and handles over %s', (transport) => {
  let connection: JanusConnection | undefined;
  afterEach(async () => {
    await connection?.close();
    connection = undefined;
  });

  it('reports the server, then creates, attaches, detaches and destroys', async () => {
    connection = await connect(lab(), transport);
    const info = await connection.info();
    expect(info.name).toBe('Janus WebRTC Server');
    expect(Object.keys(info.plugins)).toEqual(['janus.plugin.streaming']);

    const admin = await connectAdmin(lab(), transport);
    try {
      const session = await connection.createSession();
      expect(await admin.listSessions()).toContain(session.id);

      const handle = await session.attachStreaming();
      expect(handle.plugin).toBe('janus.plugin.streaming');
      expect(await admin.listHandles(session.id)).toContain(handle.id);
      const handleInfo = await admin.handleInfo(session.id, handle.id);
      expect(handleInfo.plugin).toBe('janus.plugin.streaming');

      await handle.detach();
      expect(await admin.listHandles(session.id)).not.toContain(handle.id);
      await session.destroy();
      expect(await admin.listSessions()).not.toContain(session.id);
    } finally {
      await admin.close();
    }
  });

  it('runs many sessions and handles at once, each answering for itself', async () => {
    connection = await connect(lab(), transport);
    const open = connection;
    const sessions = await Promise.all(Array.from({ length: 8 }, () => open.createSession()));
    expect(new Set(sessions.map((s) => s.id)).size).toBe(8);

    const handles = await Promise.all(
      sessions.flatMap((session) => [session.attachStreaming(), session.attachStreaming()]),
    );
    expect(new Set(handles.map((h) => h.id)).size).toBe(16);

    const lists = await Promise.all(handles.map((handle) => handle.list()));
    for (const list of lists) expect(Array.isArray(list)).toBe(true);

    await Promise.all(sessions.map((session) => session.destroy()));
  });

  it('fails work on a destroyed session with a typed error', async () => {
    connection = await connect(lab(), transport);
    const session = await connection.createSession();
    const handle = await session.attachStreaming();
    await session.destroy();
    await expect(handle.list()).rejects.toBeInstanceOf(JanusClosedError);
    await expect(session.attachStreaming()).rejects.toMatchObject({ code: 'JANUS_ERR_CLOSED' });
  });
});
