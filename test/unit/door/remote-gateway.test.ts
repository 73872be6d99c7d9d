// A door connection's link to another gateway, driven by hand: the gateway answers when the test says so.
import { describe, expect, it } from 'vitest';

import type { WireMessage } from '../../../main/door/janus-wire';
import { RemoteGateway } from '../../../main/door/remote-gateway';
import type { UpstreamHandlers } from '../../../main/door/upstream';
import type { Clock } from '../../../main/janus/clock';

const ENDPOINTS = {
  urls: {
    http: 'http://127.0.0.1:8288/janus',
    ws: 'ws://127.0.0.1:8288',
    adminHttp: 'http://127.0.0.1:7288/admin',
  },
  secrets: { apiSecret: 'gw2-secret', adminSecret: 'admin2', streamingAdminKey: 'key2' },
};

/** Timers that never fire unless the test fires them. */
const clock: Clock = { now: () => 0, random: () => 0, setTimeout: () => () => undefined };

function setup() {
  const sent: WireMessage[] = [];
  const toViewer: WireMessage[] = [];
  const lost: [number, number][] = [];
  let handlers: UpstreamHandlers | undefined;
  const socket = {
    isOpen: true,
    closed: false,
    send: (text: string) => sent.push(JSON.parse(text) as WireMessage),
    close: () => {
      socket.closed = true;
    },
  };
  const link = new RemoteGateway({
    endpoints: ENDPOINTS,
    clock,
    prefix: 'door-',
    open: (given) => {
      handlers = given;
      return Promise.resolve(socket);
    },
    toViewer: (message) => toViewer.push(message),
    lost: (sessionId, handleId) => lost.push([sessionId, handleId]),
  });
  /** The gateway answers the latest request of a kind with success and an id. */
  const answer = (janus: string, id: number) => {
    const request = sent.findLast((message) => message.janus === janus);
    handlers?.message(JSON.stringify({ janus: 'success', transaction: request?.transaction, data: { id } }));
  };
  const gateway = (message: WireMessage) => handlers?.message(JSON.stringify(message));
  return { link, sent, toViewer, lost, socket, answer, gateway, gone: () => handlers?.close(1006, '') };
}

/** Lets every promise settle. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('RemoteGateway', () => {
  it('a viewer letting go of its handle while the attach is under way: the new real handle is detached at once', async () => {
    const t = setup();
    const attached = t.link.attach(7, 8);
    await flush();
    t.answer('create', 501);
    await flush();
    expect(t.sent.map((m) => m.janus)).toEqual(['create', 'attach']);
    t.link.detach(7, 8);
    t.answer('attach', 502);
    await expect(attached).rejects.toThrow('the viewer let go of the handle');
    expect(t.sent.at(-1)).toMatchObject({
      janus: 'detach',
      session_id: 501,
      handle_id: 502,
      apisecret: 'gw2-secret',
    });
    // Nothing relayed there any more: the socket closed (the gateway ends the session with it).
    expect(t.socket.closed).toBe(true);
  });

  it("rewrites the gateway's messages to the viewer's ids, reports the handles it ends, and forgets the rest", async () => {
    const t = setup();
    const attached = t.link.attach(7, 8);
    await flush();
    t.answer('create', 501);
    await flush();
    t.answer('attach', 502);
    await attached;
    t.link.attach(7, 9).catch(() => undefined);
    await flush();
    t.answer('attach', 503);
    await flush();
    t.gateway({ janus: 'media', session_id: 501, sender: 502, type: 'video', receiving: true });
    t.gateway({ janus: 'media', session_id: 501, sender: 999, type: 'video', receiving: true });
    expect(t.toViewer).toEqual([
      { janus: 'media', session_id: 7, sender: 8, type: 'video', receiving: true },
    ]);
    // The gateway detaches one handle on its own: the viewer's stream there is lost.
    t.gateway({ janus: 'detached', session_id: 501, sender: 503 });
    expect(t.lost).toEqual([[7, 9]]);
    // The gateway goes away: every handle still relayed there is lost.
    t.gone();
    expect(t.lost).toEqual([
      [7, 9],
      [7, 8],
    ]);
    t.gateway({ janus: 'media', session_id: 501, sender: 502, type: 'video', receiving: false });
    expect(t.toViewer).toHaveLength(1);
  });

  it('a gateway that does not answer or refuses: the attach rejects saying which', async () => {
    const t = setup();
    const attached = t.link.attach(7, 8);
    await flush();
    const create = t.sent.at(-1);
    t.gateway({
      janus: 'error',
      transaction: create?.transaction,
      error: { code: 490, reason: 'Unauthorized' },
    });
    await expect(attached).rejects.toThrow("the gateway refused the door's create: Unauthorized");
  });
});
