// A real nats-server (Debian's, JetStream on) for one test file, on its own port and store folder, stopped by PID.
// gw's local copy until the kv slice's shared test/integration/cluster/nats-server.ts is merged (then deduped).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { freePort } from '../../lab/ports';
import { logTail, spawnPart, type PartProcess } from '../../lab/processes';

/** Debian's NATS server (the package installs it in /usr/sbin). */
export const NATS_SERVER_BINARY = '/usr/sbin/nats-server';

/** A running nats-server. */
export interface TestNats {
  url: string;
  /** Kills the server (SIGKILL): clients see it gone at once. Its store stays for `start`. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and store; resolves once it accepts. */
  start(): Promise<void>;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its store. */
  stop(): Promise<void>;
}

/** Starts `nats-server -js` on a free 127.0.0.1 port with a fresh store folder; resolves once it accepts. */
export async function startTestNats(): Promise<TestNats> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-gw-nats-'));
  const port = await freePort();
  const logFile = join(dir, 'nats.log');
  const launch = async (): Promise<PartProcess> => {
    const server = spawnPart({
      launch: { prefix: [], detached: false },
      command: NATS_SERVER_BINARY,
      args: ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', join(dir, 'store')],
      logFile,
    });
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (!server.isRunning() || Date.now() > deadline) {
        await server.stop();
        throw new Error(`nats-server did not start; log ${logFile}:\n${logTail(logFile)}`);
      }
      await sleep(50);
    }
    return server;
  };
  let server = await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    async kill() {
      server.kill('SIGKILL');
      await server.exited;
    },
    async start() {
      server = await launch();
    },
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

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
