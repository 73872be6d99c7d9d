import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../../main/janus/clock';
import type { Clock } from '../../../../main/janus/clock';
import { JanusTransportError } from '../../../../main/janus/errors';
import { WsTransport } from '../../../../main/janus/transport/ws';
import type { SocketHandlers, SocketLike } from '../../../../main/janus/transport/ws';
import { recordingSink } from '../sink';

const noJitter: Clock = { ...systemClock, random: () => 0 };

class FakeSocket implements SocketLike {
  isOpen = false;
  readonly sent: string[] = [];
  constructor(
    readonly url: string,
    readonly protocol: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(data: string): void {
    this.sent.push(data);
  }
  close(code: number, reason: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    queueMicrotask(() => {
      this.handlers.close(code, reason);
    });
  }
  /** The server accepts the handshake. */
  accept(): void {
    this.isOpen = true;
    this.handlers.open();
  }
  /** The connection fails or drops. */
  fail(code = 1006): void {
    this.isOpen = false;
    this.handlers.close(code, '');
  }
}

function openWs(backoff = {}) {
  const sockets: FakeSocket[] = [];
  const sink = recordingSink();
  const transport = new WsTransport({
    url: 'ws://127.0.0.1:18188',
    protocol: 'janus-protocol',
    clock: noJitter,
    logger: pino({ level: 'silent' }),
    backoff,
    connectTimeoutMs: 5_000,
    socketFactory: (url, protocol, handlers) => {
      const socket = new FakeSocket(url, protocol, handlers);
      sockets.push(socket);
      return socket;
    },
  });
  return { sockets, sink, transport };
}

describe('WsTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens with the janus-protocol subprotocol and exchanges JSON frames', async () => {
    const { sockets, sink, transport } = openWs();
    const opening = transport.open(sink);
    expect(sockets[0]?.protocol).toBe('janus-protocol');
    sockets[0]?.accept();
    await opening;
    await transport.send({ janus: 'info', transaction: 'x' });
    expect(sockets[0]?.sent).toEqual(['{"janus":"info","transaction":"x"}']);
    sockets[0]?.handlers.message('{"janus":"server_info","transaction":"x"}');
    sockets[0]?.handlers.message('not json');
    expect(sink.message).toHaveBeenCalledTimes(1);
    expect(sink.message).toHaveBeenCalledWith({ janus: 'server_info', transaction: 'x' });
  });

  it('rejects open with JanusTransportError when the handshake fails or times out', async () => {
    const first = openWs();
    const refused = first.transport.open(first.sink);
    first.sockets[0]?.fail();
    await expect(refused).rejects.toBeInstanceOf(JanusTransportError);

    const second = openWs();
    const silent = second.transport.open(second.sink).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await silent).toBeInstanceOf(JanusTransportError);
  });

  it('on a drop: reports down, rejects sends at once, reconnects on the backoff schedule, reports up', async () => {
    const { sockets, sink, transport } = openWs({ initialDelayMs: 250, maxDelayMs: 1_000 });
    const opening = transport.open(sink);
    sockets[0]?.accept();
    await opening;
    const droppedAt = Date.now();
    sockets[0]?.fail();
    expect(sink.down).toHaveBeenCalledWith(expect.any(JanusTransportError));
    await expect(transport.send({ janus: 'keepalive' })).rejects.toBeInstanceOf(JanusTransportError);

    const attemptsAt: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await vi.advanceTimersToNextTimerAsync();
      attemptsAt.push(Date.now() - droppedAt);
      sockets[attempt]?.fail();
    }
    expect(attemptsAt).toEqual([250, 750, 1_750, 2_750]);
    await vi.advanceTimersToNextTimerAsync();
    sockets[5]?.accept();
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.up).toHaveBeenCalledTimes(1);
    await transport.send({ janus: 'claim' });
    expect(sockets[5]?.sent).toEqual(['{"janus":"claim"}']);
  });

  it('reports failed once the reconnect backoff runs out; close() stops everything', async () => {
    const { sockets, sink, transport } = openWs({ maxAttempts: 2 });
    const opening = transport.open(sink);
    sockets[0]?.accept();
    await opening;
    sockets[0]?.fail();
    await vi.advanceTimersToNextTimerAsync();
    sockets[1]?.fail();
    await vi.advanceTimersToNextTimerAsync();
    sockets[2]?.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.failed).toHaveBeenCalledWith(expect.any(JanusTransportError));
    await transport.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(3);
  });

  it('close() closes the socket without reporting down', async () => {
    const { sockets, sink, transport } = openWs();
    const opening = transport.open(sink);
    sockets[0]?.accept();
    await opening;
    await transport.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sink.down).not.toHaveBeenCalled();
    expect(sockets).toHaveLength(1);
    await expect(transport.send({ janus: 'info' })).rejects.toBeInstanceOf(JanusTransportError);
  });
});
