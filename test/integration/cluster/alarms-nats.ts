// A real nats-server (JetStream on) for the alarms' cluster tests, started and stopped by its pid; its store
// folder outlives a stop so a restart brings back what it kept (NATS down, then back). A TCP relay in front of it
// cuts one station off while the others keep NATS (a station that missed changes must catch up).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';

import { freePort } from '../../lab/ports';
import { eventually } from '../wait';

/** Where Debian's nats-server is (the package puts it in /usr/sbin). */
const NATS_SERVER =
  ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((path) => existsSync(path)) ?? 'nats-server';

/** A nats-server the test runs; `stop` then `start` again keeps the same port and store. */
export class NatsServer {
  #process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly storeDir: string,
  ) {}

  /** Starts a server on a free port of 127.0.0.1 storing into `storeDir`. */
  static async start(storeDir: string): Promise<NatsServer> {
    const server = new NatsServer(await freePort(), storeDir);
    await server.start();
    return server;
  }

  /** The URL stations connect to. */
  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it accepts connections. */
  async start(): Promise<void> {
    const args = ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.storeDir];
    const child = spawn(NATS_SERVER, args, { stdio: 'ignore' });
    this.#process = child;
    await eventually(() => accepts(this.port).then((yes) => (yes ? true : undefined)), 10_000, 100);
  }

  /** Stops the process by its pid and waits for it to end. */
  async stop(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (child?.pid === undefined || child.exitCode !== null) return;
    const ended = new Promise<void>((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }, 5_000);
    await ended;
    clearTimeout(timer);
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port now. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

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
