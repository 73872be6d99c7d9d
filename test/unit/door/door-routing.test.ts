// The door in a cluster: each watch relayed to the gateway holding its camera, ids rewritten both ways, and the
// viewers of a camera that moved told to watch again — against a fake Janus per gateway.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Door } from '../../../main/door/door';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { FakeDoorStation, FakeJanusSockets, FakeViewer } from './fakes';

const AT = '2030-01-01T00:00:00.000Z';
const OWN = 'ws://127.0.0.1:8188';
const flush = () => vi.advanceTimersByTimeAsync(0);

/** Gateway 2 of the cluster: its own URL, Origin and API secret. */
const GATEWAY_2: GatewayEndpoints = {
  urls: {
    http: 'http://127.0.0.1:8288/janus',
    ws: 'ws://127.0.0.1:8288',
    adminHttp: 'http://127.0.0.1:7288/admin',
  },
  secrets: { apiSecret: 'gw2-secret', adminSecret: 'admin2', streamingAdminKey: 'key2' },
  origin: 'http://127.0.0.1:3000',
};

type Message = Record<string, unknown>;

function setup() {
  const station = new FakeDoorStation();
  const janus = new FakeJanusSockets();
  const keys = { verify: () => ({ id: 'key_a' }), list: () => [{ id: 'key_a' }] };
  const door = new Door({ station, keys, logger: pino({ level: 'silent' }), socketFactory: janus.factory });
  return { station, janus, door };
}

/** A viewer with one session and one handle on the station's own Janus. */
async function viewer(t: ReturnType<typeof setup>) {
  const client = new FakeViewer();
  const connection = t.door.connect(client, undefined);
  if (typeof connection === 'string') throw new Error(connection);
  const send = (message: Message) => {
    connection.receive(JSON.stringify(message));
  };
  send({ janus: 'create', transaction: 'c', token: 'vigil_view_a' });
  await flush();
  const session = (client.answer('c')?.data as { id: number }).id;
  send({ janus: 'attach', session_id: session, plugin: 'janus.plugin.streaming', transaction: 'a' });
  await flush();
  const handle = (client.answer('a')?.data as { id: number }).id;
  const onHandle = (janus: string, transaction: string, more: Message = {}) => {
    send({ janus, session_id: session, handle_id: handle, transaction, ...more });
  };
  const watch = async (transaction: string, id: number) => {
    onHandle('message', transaction, { body: { request: 'watch', id } });
    await flush();
  };
  return { client, send, session, handle, onHandle, watch };
}

describe('Door routing in a cluster', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("relays a watch of a camera gateway 2 holds to gateway 2, in gateway 2's ids, and answers in the viewer's", async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    const v = await viewer(t);
    await v.watch('w', 22);
    const own = t.janus.to(OWN);
    const gw2 = t.janus.to(GATEWAY_2.urls.ws);
    expect(own.requests('message')).toEqual([]);
    // The door's own create and attach on gateway 2 (its secret, its transactions), then the viewer's watch.
    const [create, attach, watch] = gw2.sent;
    expect(create).toMatchObject({ janus: 'create', apisecret: 'gw2-secret' });
    expect(attach).toMatchObject({ janus: 'attach', session_id: 2001, plugin: 'janus.plugin.streaming' });
    expect(watch).toEqual({
      janus: 'message',
      session_id: 2001,
      handle_id: 2002,
      transaction: 'w',
      body: { request: 'watch', id: 22, pin: 'pin-gate' },
      apisecret: 'gw2-secret',
    });
    expect(String(create?.transaction)).toMatch(/^vigil-door-/);
    // Gateway 2's answers reach the viewer in the viewer's ids; the door's own answers do not.
    expect(v.client.received.filter((m) => m.transaction === 'w')).toMatchObject([
      { janus: 'ack', session_id: v.session },
      { janus: 'event', session_id: v.session, sender: v.handle, jsep: { type: 'offer' } },
    ]);
    expect(v.client.received.filter((m) => String(m.transaction).startsWith('vigil-door-'))).toEqual([]);

    // What follows on the handle goes to gateway 2 too.
    v.onHandle('message', 's', { body: { request: 'start' }, jsep: { type: 'answer', sdp: 'v=0' } });
    v.onHandle('trickle', 't', { candidate: { completed: true } });
    await flush();
    expect(gw2.sent.slice(3)).toMatchObject([
      { janus: 'message', session_id: 2001, handle_id: 2002, transaction: 's', body: { request: 'start' } },
      { janus: 'trickle', session_id: 2001, handle_id: 2002, transaction: 't' },
    ]);
    expect(v.client.answer('s')).toMatchObject({ janus: 'success', session_id: v.session });
    // Gateway 2's own events (webrtcup, hangup) come with the viewer's ids.
    gw2.reply({ janus: 'webrtcup', session_id: 2001, sender: 2002 });
    expect(v.client.received.at(-1)).toEqual({ janus: 'webrtcup', session_id: v.session, sender: v.handle });
    // A keepalive keeps gateway 2's session alive as well.
    v.send({ janus: 'keepalive', session_id: v.session, transaction: 'k' });
    await flush();
    expect(gw2.requests('keepalive')).toMatchObject([{ session_id: 2001 }]);
    expect(v.client.received.filter((m) => m.transaction === 'k')).toHaveLength(1);
    // A detach is answered by the station's Janus; the real handle on gateway 2 is detached, and the socket to
    // gateway 2, relaying nothing now, closes (gateway 2 ends the session it held).
    v.onHandle('detach', 'd');
    await flush();
    expect(own.requests('detach')).toMatchObject([
      { session_id: v.session, handle_id: v.handle, transaction: 'd' },
    ]);
    expect(gw2.requests('detach')).toMatchObject([{ session_id: 2001, handle_id: 2002 }]);
    expect(gw2.closed).toBeDefined();
    expect(own.closed).toBeUndefined();
  });

  it("a viewer session's end ends its relays to gateway 2", async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    const v = await viewer(t);
    await v.watch('w', 22);
    const gw2 = t.janus.to(GATEWAY_2.urls.ws);
    v.send({ janus: 'destroy', session_id: v.session, transaction: 'x' });
    await flush();
    expect(gw2.closed).toBeDefined();
    expect(t.janus.to(OWN).requests('destroy')).toMatchObject([{ session_id: v.session, transaction: 'x' }]);
  });

  it('keeps single-station traffic on the one socket, the same bytes as ever', async () => {
    const t = setup();
    const v = await viewer(t);
    await v.watch('w', 11);
    expect(t.janus.sockets.map((socket) => socket.url)).toEqual([OWN]);
    expect(t.janus.last().requests('message')).toEqual([
      {
        janus: 'message',
        session_id: v.session,
        handle_id: v.handle,
        transaction: 'w',
        body: { request: 'watch', id: 11, pin: 'pin-lobby' },
        apisecret: 'the-api-secret',
      },
    ]);
  });

  it('a camera moved off gateway 2: the viewer is told its stream stopped, and its new watch goes to the new gateway', async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    const v = await viewer(t);
    await v.watch('w1', 22);
    const gw2 = t.janus.to(GATEWAY_2.urls.ws);
    t.station.placed.delete('gate');
    t.station.emit({ type: 'camera.moved', camera_id: 'gate', from: 'gw2', to: 'gw1', at: AT });
    await flush();
    expect(v.client.received.slice(-2)).toEqual([
      {
        janus: 'event',
        session_id: v.session,
        sender: v.handle,
        plugindata: {
          plugin: 'janus.plugin.streaming',
          data: { streaming: 'event', result: { status: 'stopped' } },
        },
      },
      {
        janus: 'hangup',
        session_id: v.session,
        sender: v.handle,
        reason: 'The camera moved to another gateway: watch it again',
      },
    ]);
    expect(gw2.requests('detach')).toMatchObject([{ session_id: 2001, handle_id: 2002 }]);
    await v.watch('w2', 22);
    expect(t.janus.to(OWN).requests('message')).toMatchObject([
      { session_id: v.session, handle_id: v.handle, transaction: 'w2', body: { id: 22 } },
    ]);
    expect(gw2.requests('message')).toHaveLength(1);
  });

  it("a camera moved off the station's Janus: hung up there, the viewer told, its new watch relayed to gateway 2", async () => {
    const t = setup();
    const v = await viewer(t);
    await v.watch('w1', 11);
    // A viewer of another camera, and a move that leaves a camera where it was, are left alone.
    t.station.emit({ type: 'camera.moved', camera_id: 'gate', from: 'gw1', to: 'gw2', at: AT });
    t.station.emit({ type: 'camera.moved', camera_id: 'lobby', from: null, to: 'gw1', at: AT });
    await flush();
    const own = t.janus.to(OWN);
    expect(own.requests('hangup')).toEqual([]);
    t.station.placed.set('lobby', GATEWAY_2);
    t.station.emit({ type: 'camera.moved', camera_id: 'lobby', from: 'gw1', to: 'gw2', at: AT });
    await flush();
    expect(own.requests('hangup')).toMatchObject([{ session_id: v.session, handle_id: v.handle }]);
    expect(v.client.received.at(-1)).toMatchObject({ janus: 'hangup', sender: v.handle });
    await v.watch('w2', 11);
    expect(t.janus.to(GATEWAY_2.urls.ws).requests('message')).toMatchObject([
      { session_id: 2001, handle_id: 2002, transaction: 'w2', body: { id: 11, pin: 'pin-lobby' } },
    ]);
  });

  it('gateway 2 going away ends its streams only: the viewer stays connected and is told to watch again', async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    const v = await viewer(t);
    await v.watch('w', 22);
    t.station.emit({ type: 'gateway.down', gateway_id: 'gw2', reason: 'heartbeat expired', at: AT });
    t.janus.to(GATEWAY_2.urls.ws).drop();
    expect(v.client.closed).toBeUndefined();
    expect(v.client.received.slice(-2).map((m) => [m.janus, m.sender])).toEqual([
      ['event', v.handle],
      ['hangup', v.handle],
    ]);
    // Its next watch opens a new socket to wherever the camera is now.
    await v.watch('w2', 22);
    expect(t.janus.sockets.filter((socket) => socket.url === GATEWAY_2.urls.ws)).toHaveLength(2);
    expect(t.janus.to(GATEWAY_2.urls.ws).requests('message')).toMatchObject([{ transaction: 'w2' }]);
  });

  it('answers a watch 503 at once when the gateway holding its camera cannot be reached (not held for it)', async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    const v = await viewer(t);
    t.janus.refuse = true;
    await v.watch('w', 22);
    expect(v.client.answer('w')).toMatchObject({
      janus: 'error',
      error: {
        code: 503,
        reason:
          'The gateway holding camera gate cannot be reached now (Janus refused the connection (code 1006)); ' +
          'watch again shortly',
      },
    });
    expect(v.client.closed).toBeUndefined();
  });

  it('answers a watch 503 with the reason when no gateway holds its camera', async () => {
    const t = setup();
    t.station.placed.set('gate', null);
    const v = await viewer(t);
    await v.watch('w', 22);
    expect(v.client.answer('w')).toMatchObject({
      janus: 'error',
      session_id: v.session,
      error: { code: 503, reason: 'No gateway holds camera gate now; the station is placing it' },
    });
  });

  it('answers a watch 503 with the reason when the gateway holding its camera serves its most viewers', async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    t.station.full.set('gate', 'Gateway gw-2 serves its most viewers (40)');
    const v = await viewer(t);
    await v.watch('w', 22);
    expect(v.client.answer('w')).toMatchObject({
      janus: 'error',
      error: { code: 503, reason: 'Gateway gw-2 serves its most viewers (40)' },
    });
    // Refused at the door: gateway 2 was never even connected to.
    expect(() => t.janus.to(GATEWAY_2.urls.ws)).toThrow(/no socket/);
  });

  it("drops what gateway 2 says about sessions and handles the viewer doesn't have there", async () => {
    const t = setup();
    t.station.placed.set('gate', GATEWAY_2);
    const v = await viewer(t);
    await v.watch('w', 22);
    const seen = v.client.received.length;
    const gw2 = t.janus.to(GATEWAY_2.urls.ws);
    gw2.reply({ janus: 'webrtcup', session_id: 2001, sender: 9999 });
    gw2.reply({ janus: 'event', session_id: 9998, sender: 2002 });
    expect(v.client.received).toHaveLength(seen);
  });
});
