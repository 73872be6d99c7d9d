// A TCP relay in front of a test's nats-server that the test can cut and restore: one station loses NATS while the
// others keep it (a station that missed changes must catch up).
import { connect, createServer, type Server, type Socket } from 'node:net';

import { freePort } from '../../lab/ports';
import type { NatsServer } from './nats-server';

/** A TCP relay to the nats-server that the test can cut and restore: one station loses NATS, the others keep it. */
export class NatsLink {
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;

  private constructor(
    readonly port: number,
    private readonly natsPort: number,
  ) {}

  /** Opens a relay on a free port of 127.0.0.1 to `nats`. */
  static async open(nats: NatsServer): Promise<NatsLink> {
    const link = new NatsLink(await freePort(), nats.port);
    await link.restore();
    return link;
  }

  /** The URL a station connects to through the relay. */
  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Drops every relayed connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    await new Promise<void>((resolve) => {
      if (server === undefined) resolve();
      else
        server.close(() => {
          resolve();
        });
    });
  }

  /** Accepts connections again, each relayed to the nats-server. */
  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect({ host: '127.0.0.1', port: this.natsPort });
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.once('close', () => {
          this.#sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
  }
}
