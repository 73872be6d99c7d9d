import type { AddressInfo } from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';

import { wsSocketFactory } from '../../../main/door/upstream';

describe('wsSocketFactory (the door’s sockets to Janus)', () => {
  let server: WebSocketServer;
  let url: string;
  const seen: { protocol: string; origin: string | undefined }[] = [];

  beforeEach(async () => {
    server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      handleProtocols: (offered) => [...offered][0] ?? false,
    });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket, request) => {
      seen.push({ protocol: socket.protocol, origin: request.headers.origin });
      socket.on('message', (data: Buffer) => {
        socket.send(`echo ${data.toString('utf8')}`);
      });
    });
  });
  afterEach(async () => {
    await new Promise((resolve) => {
      server.close(resolve);
    });
  });

  it("speaks janus-protocol with the station's Origin, passes text both ways, reports the close", async () => {
    const events: string[] = [];
    const opened = new Promise<void>((resolve) => {
      const socket = wsSocketFactory(
        url,
        'janus-protocol',
        {
          open: () => {
            events.push('open');
            socket.send('{"janus":"ping"}');
          },
          message: (text) => {
            events.push(text);
            socket.close(1000, 'done');
          },
          close: (code) => {
            events.push(`close ${code}`);
            resolve();
          },
        },
        'http://127.0.0.1:3000',
      );
    });
    await opened;
    expect(seen).toEqual([{ protocol: 'janus-protocol', origin: 'http://127.0.0.1:3000' }]);
    expect(events).toEqual(['open', 'echo {"janus":"ping"}', 'close 1000']);
  });

  it('reports a refused connection as a close without an open', async () => {
    await new Promise((resolve) => {
      server.close(resolve);
    });
    const code = await new Promise<number>((resolve) => {
      wsSocketFactory(url, 'janus-protocol', {
        open: () => undefined,
        message: () => undefined,
        close: resolve,
      });
    });
    expect(code).toBe(1006);
  });
});
