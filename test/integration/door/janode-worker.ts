// janode (Meetecho's Node Janus client) driven over stdin/stdout, in its own process: janode loads a native addon
// that `npm ci` compiles for the Node running npm, while the tests run on Node 22 (see test/bench/janode-worker.ts).
// Each stdin line is a command `{ id, op, ...args }`; each answer `{ id, ok, value | error }`; janode's events come
// as `{ event, name, at }` (at: Date.now() here, the same clock as the test's).
import { createInterface } from 'node:readline';

import Janode from 'janode';
import StreamingPlugin from 'janode/plugins/streaming';

import type { JanodeCommand } from './janode-protocol';

type Emitter = { once(event: string, listener: (...args: unknown[]) => void): void };
type Streaming = Record<string, (options?: Record<string, unknown>) => Promise<Record<string, unknown>>> &
  Emitter;
type Session = { attach(plugin: unknown): Promise<Streaming>; destroy(): Promise<void> } & Emitter;
type Connection = { create(): Promise<Session>; close(): Promise<void> } & Emitter;

const connections = new Map<string, Connection>();
const sessions = new Map<string, Session>();
const handles = new Map<string, Streaming>();

function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function found<T>(map: Map<string, T>, name: string): T {
  const value = map.get(name);
  if (value === undefined) throw new Error(`no ${name}`);
  return value;
}

/** Reports `janodeEvent` of `name` as `event` (janode ends a connection the server closed with an error event). */
function watch(emitter: Emitter, janodeEvent: string, name: string, event = janodeEvent): void {
  emitter.once(janodeEvent, () => {
    send({ event, name, at: Date.now() });
  });
}

async function run(command: JanodeCommand): Promise<unknown> {
  switch (command.op) {
    case 'connect': {
      const connection = (await Janode.connect({
        address: { url: command.url, ...(command.token === undefined ? {} : { token: command.token }) },
        retry_time_secs: 1,
        max_retries: 1,
        ws_options: {
          ...(command.headers === undefined ? {} : { headers: command.headers }),
          handshakeTimeout: 5000,
        },
      })) as unknown as Connection;
      connections.set(command.name, connection);
      watch(connection, Janode.EVENT.CONNECTION_CLOSED, command.name);
      watch(connection, Janode.EVENT.CONNECTION_ERROR, command.name, Janode.EVENT.CONNECTION_CLOSED);
      return 'connected';
    }
    case 'create': {
      const session = await found(connections, command.connection).create();
      sessions.set(command.name, session);
      watch(session, Janode.EVENT.SESSION_DESTROYED, command.name);
      return 'created';
    }
    case 'attach': {
      const handle = await found(sessions, command.session).attach(StreamingPlugin);
      handles.set(command.name, handle);
      watch(handle, Janode.EVENT.HANDLE_DETACHED, command.name);
      return 'attached';
    }
    case 'request': {
      const handle = found(handles, command.handle);
      const method = handle[command.method];
      if (method === undefined) throw new Error(`janode's streaming handle has no ${command.method}`);
      const answer = await method.call(handle, command.args);
      return {
        ...answer,
        jsep: answer.jsep === undefined ? undefined : { type: (answer.jsep as { type: string }).type },
      };
    }
    case 'destroy':
      await found(sessions, command.session).destroy();
      return 'destroyed';
    case 'close':
      await found(connections, command.connection).close();
      return 'closed';
  }
}

Janode.Logger.setLevel('none');
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as JanodeCommand & { id: number };
  run(command).then(
    (value) => {
      send({ id: command.id, ok: true, value });
    },
    (error: unknown) => {
      send({ id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    },
  );
}
