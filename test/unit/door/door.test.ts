import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Grant } from '../../../main/door/credential';
import { Door } from '../../../main/door/door';
import type { DoorLimits } from '../../../main/door/limits';
import { FakeDoorStation, FakeJanusSockets, FakeViewer } from './fakes';

const AT = '2030-01-01T00:00:00.000Z';
const flush = () => vi.advanceTimersByTimeAsync(0);

function setup(limits: Partial<DoorLimits> = {}) {
  const station = new FakeDoorStation();
  const janus = new FakeJanusSockets();
  const live = new Set(['key_a', 'key_b']);
  const keys = {
    verify: (presented: string) =>
      ({ vigil_view_a: { id: 'key_a' }, vigil_view_b: { id: 'key_b' } })[presented],
    list: () => [...live].map((id) => ({ id })),
  };
  const door = new Door({
    station,
    keys,
    logger: pino({ level: 'silent' }),
    limits,
    socketFactory: janus.factory,
  });
  /** A viewer connection (with the grant of its upgrade, if any). */
  const open = (grant?: Grant) => {
    const viewer = new FakeViewer();
    const connection = door.connect(viewer, grant);
    if (typeof connection === 'string') throw new Error(connection);
    return {
      viewer,
      send: (message: object) => {
        connection.receive(JSON.stringify(message));
      },
    };
  };
  return { station, janus, live, door, open };
}

/** A viewer with key a: one session (its id) with one handle (its id). */
async function watching(t: ReturnType<typeof setup>) {
  const viewer = t.open();
  viewer.send({ janus: 'create', transaction: 'c', token: 'vigil_view_a' });
  await flush();
  const session = (viewer.viewer.answer('c')?.data as { id: number }).id;
  viewer.send({ janus: 'attach', session_id: session, plugin: 'janus.plugin.streaming', transaction: 'a' });
  await flush();
  const handle = (viewer.viewer.answer('a')?.data as { id: number }).id;
  return { ...viewer, session, handle };
}

describe('Door', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("relays a viewer to the station's Janus: its own socket, the API secret and the pin added, answers as they are", async () => {
    const t = setup();
    const { viewer, send, session, handle } = await watching(t);
    const upstream = t.janus.last();
    expect([upstream.url, upstream.origin]).toEqual(['ws://127.0.0.1:8188', 'http://127.0.0.1:3000']);
    expect(upstream.sent[0]).toEqual({ janus: 'create', transaction: 'c', apisecret: 'the-api-secret' });
    send({
      janus: 'message',
      session_id: session,
      handle_id: handle,
      transaction: 'w',
      body: { request: 'watch', id: 11 },
    });
    await flush();
    expect(upstream.requests('message').at(-1)).toMatchObject({
      body: { request: 'watch', id: 11, pin: 'pin-lobby' },
    });
    expect(viewer.received.filter((m) => m.transaction === 'w').map((m) => m.janus)).toEqual([
      'ack',
      'event',
    ]);
    expect(viewer.answer('w')).toMatchObject({ jsep: { type: 'offer' } });
    send({
      janus: 'message',
      session_id: session,
      handle_id: handle,
      transaction: 's',
      body: { request: 'switch', id: 22 },
    });
    expect(viewer.answer('s')).toMatchObject({ janus: 'error', error: { code: 403 } });
    expect(t.janus.sockets).toHaveLength(1);
  });

  it('holds a create while Janus is down and sends it the moment the station sees Janus up', async () => {
    const t = setup();
    t.station.janusUp = false;
    const { viewer, send } = t.open();
    send({ janus: 'create', transaction: 'c', token: 'vigil_view_a' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(t.janus.sockets).toHaveLength(0);
    t.station.janusUp = true;
    t.station.emit({ type: 'gateway.up', at: AT });
    await flush();
    expect(viewer.answer('c')).toMatchObject({ janus: 'success' });
  });

  it('answers a held create 503 when Janus stays down past the hold', async () => {
    const t = setup({ holdMs: 2_000 });
    t.station.janusUp = false;
    const { viewer, send } = t.open();
    send({ janus: 'create', transaction: 'c', token: 'vigil_view_a' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(viewer.answer('c')).toMatchObject({ janus: 'error', error: { code: 503 } });
  });

  it("holds a watch until its camera's mountpoint exists; a hangup cancels a held watch", async () => {
    const t = setup();
    t.station.ready.clear();
    const { viewer, send, session, handle } = await watching(t);
    const upstream = t.janus.last();
    const watch = (transaction: string, id: number) => {
      send({
        janus: 'message',
        session_id: session,
        handle_id: handle,
        transaction,
        body: { request: 'watch', id },
      });
    };
    watch('w1', 22);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(upstream.requests('message')).toEqual([]);
    t.station.makeReady('gate');
    await flush();
    expect(upstream.requests('message')).toMatchObject([{ body: { id: 22, pin: 'pin-gate' } }]);

    watch('w2', 11);
    send({ janus: 'hangup', session_id: session, handle_id: handle, transaction: 'h' });
    await flush();
    expect(viewer.answer('w2')).toMatchObject({ janus: 'error', error: { code: 503 } });
    expect(upstream.requests('message')).toHaveLength(1);
    expect(upstream.requests('hangup')).toHaveLength(1);
  });

  it('ends the sessions of a revoked key within half a second: destroyed on Janus, timed out for the viewer', async () => {
    const t = setup();
    const { viewer, session } = await watching(t);
    t.live.delete('key_a');
    await vi.advanceTimersByTimeAsync(500);
    expect(t.janus.last().requests('destroy')).toMatchObject([{ session_id: session }]);
    expect(viewer.received.at(-1)).toEqual({ janus: 'timeout', session_id: session });
    // The door's own destroy is answered to the door, not to the viewer.
    const [destroy] = t.janus.last().requests('destroy');
    expect(viewer.received.filter((m) => m.transaction === destroy?.transaction)).toEqual([]);
  });

  it('reaches Janus as soon as a viewer authenticated at the upgrade connects, before its create', async () => {
    const t = setup();
    t.open(t.door.keyGrant('vigil_view_b'));
    t.open();
    await flush();
    expect(t.janus.sockets).toHaveLength(1);
  });

  it('closes a connection whose own credential ended (policy close)', async () => {
    const t = setup();
    const { viewer } = t.open(t.door.keyGrant('vigil_view_b'));
    t.live.delete('key_b');
    await vi.advanceTimersByTimeAsync(500);
    expect(viewer.closed?.code).toBe(1008);
  });

  it("detaches the handles watching a deleted camera and forgets the camera's tickets", async () => {
    const t = setup();
    const { viewer, send, session, handle } = await watching(t);
    send({
      janus: 'message',
      session_id: session,
      handle_id: handle,
      transaction: 'w',
      body: { request: 'watch', id: 11 },
    });
    await flush();
    const { ticket } = t.door.streamInfo('lobby', { id: 'key_a', alive: () => true });
    expect(t.door.ticketGrant(ticket)).toBeDefined();
    t.station.emit({ type: 'camera.removed', camera_id: 'lobby', at: AT });
    expect(t.janus.last().requests('detach')).toMatchObject([{ session_id: session, handle_id: handle }]);
    expect(viewer.received.at(-1)).toEqual({ janus: 'detached', session_id: session, sender: handle });
    expect(t.door.ticketGrant(ticket)).toBeUndefined();
  });

  it('closes its viewers when Janus goes away: the station says so, or the socket to Janus drops', async () => {
    const t = setup();
    const one = await watching(t);
    const two = await watching(t);
    t.janus.last().drop();
    expect(two.viewer.closed?.code).toBe(1012);
    expect(one.viewer.closed).toBeUndefined();
    t.station.emit({ type: 'gateway.down', reason: 'lost the connection to Janus', at: AT });
    expect(one.viewer.closed?.code).toBe(1012);
  });

  it('caps anonymous connections, sessions per credential and connections per credential', async () => {
    const t = setup({ sessionsPerCredential: 2, connectionsPerCredential: 2, anonymousConnections: 1 });
    const first = t.open();
    expect(t.door.admits(undefined)).toMatch(/At most 1 connections may wait to authenticate/);
    first.send({ janus: 'create', transaction: 'c1', token: 'vigil_view_a' });
    first.send({ janus: 'create', transaction: 'c2', token: 'vigil_view_a' });
    await flush();
    const second = t.open();
    second.send({ janus: 'create', transaction: 'c3', token: 'vigil_view_a' });
    expect(second.viewer.answer('c3')).toMatchObject({
      janus: 'error',
      error: { code: 429, reason: 'At most 2 Janus sessions per key or browser session' },
    });
    first.send({
      janus: 'destroy',
      session_id: (first.viewer.answer('c1')?.data as { id: number }).id,
      transaction: 'd',
    });
    second.send({ janus: 'create', transaction: 'c4', token: 'vigil_view_a' });
    await flush();
    expect(second.viewer.answer('c4')).toMatchObject({ janus: 'success' });
    expect(t.door.admits(t.door.keyGrant('vigil_view_a'))).toMatch(/At most 2 connections per key/);
    expect(t.door.admits(t.door.keyGrant('vigil_view_b'))).toBeUndefined();
  });

  it('closes a connection that holds no Janus session for the idle time', async () => {
    const t = setup({ idleMs: 15_000 });
    const { viewer, send } = t.open();
    send({ janus: 'info', transaction: 'i' });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(viewer.closed).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(viewer.closed).toEqual({ code: 1000, reason: 'No Janus session for 15 s' });
  });

  it('hands out stream info with a fresh ticket bound to the credential: in janus_url too, 60 s to open', async () => {
    const t = setup();
    const credential = { id: 'key_a', alive: () => t.live.has('key_a') };
    const info = t.door.streamInfo('gate', credential);
    expect(info.janus_url).toBe(`ws://127.0.0.1:3000/janus?ticket=${info.ticket}`);
    expect(Date.parse(info.ticket_expires_at) - Date.now()).toBe(60_000);
    expect(t.door.tokenGrant(info.ticket)).toEqual({ credential, cameras: new Set(['gate']) });
    t.live.delete('key_a');
    expect(t.door.ticketGrant(info.ticket)).toBeUndefined();
    t.live.add('key_a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.door.ticketGrant(info.ticket)).toBeUndefined();
  });

  it('close() ends every connection and lets go of the station', async () => {
    const t = setup();
    const { viewer } = await watching(t);
    t.door.close();
    expect(viewer.closed?.code).toBe(1012);
    expect(t.janus.last().closed).toBeDefined();
    expect(t.station.listeners).toBe(0);
  });
});
