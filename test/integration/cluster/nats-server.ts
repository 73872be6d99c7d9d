// A real nats-server (Debian's package) with JetStream for one test file: started on a free
// 127.0.0.1 port with its store in a temp folder, stopped by PID, and restartable on the same port and folder (so
// the streams survive, as a real NATS restart keeps them).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../../lab/ports';

/** The nats-server binary the Debian package installs (in /usr/sbin; /usr/bin on other systems). */
export const NATS_SERVER =
  ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((path) => existsSync(path)) ?? 'nats-server';

/** A running (or stopped) nats-server with JetStream. */
export interface NatsServer {
  /** `nats://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The JetStream store folder (kept across restarts). */
  readonly storeDir: string;
  /** The PID now (undefined while stopped). */
  pid(): number | undefined;
  /** Stops the server (SIGTERM, SIGKILL after 5 s); resolves once it exited. */
  stop(): Promise<void>;
  /** Kills the server (SIGKILL: clients see it gone at once); resolves once it exited. The store stays. */
  kill(): Promise<void>;
  /** Starts it again on the same port and store folder; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its store folder. */
  dispose(): Promise<void>;
}

/**
 * Starts `nats-server -js -a 127.0.0.1 -p PORT -sd DIR` (plus `extraArgs`: users, TLS); resolves once the port
 * accepts connections.
 * @example
 * const nats = await startNatsServer();
 * await nats.stop(); await nats.start(); // or nats.kill() for a crash
 * await nats.dispose();
 */
export async function startNatsServer(extraArgs: readonly string[] = []): Promise<NatsServer> {
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'vigil-nats-'));
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir, ...extraArgs];
    const started = spawn(NATS_SERVER, args, { stdio: 'ignore' });
    child = started;
    await waitForPort(port, 10_000, () => started.exitCode !== null);
  };
  const end = async (signal: 'SIGTERM' | 'SIGKILL'): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      running.once('exit', () => {
        resolve();
      }),
    );
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const stop = (): Promise<void> => end('SIGTERM');
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    pid: () => child?.pid,
    stop,
    kill: () => end('SIGKILL'),
    start,
    dispose: async () => {
      await stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once 127.0.0.1:port accepts a TCP connection; rejects after `timeoutMs` or when `gaveUp()` says so. */
async function waitForPort(port: number, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; Date.now() < deadline && attempt < 200; attempt += 1) {
    if (gaveUp()) throw new Error(`${NATS_SERVER} exited before listening on ${port}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${NATS_SERVER} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}
