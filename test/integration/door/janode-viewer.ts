// A janode viewer for the door's integration tests: janode runs in a worker process (janode-worker.ts) on the Node
// that runs npm, and this drives it with one method per command.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

import type { JanodeCommand, JanodeEvent } from './janode-protocol';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * The machine's own Node (the first on PATH outside node_modules): the one `npm ci` compiled janode's native addon
 * for. `npx` inside the project puts Node 22 from node_modules/.bin first, and npm_node_execpath follows it.
 */
function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const node = join(dir, 'node');
    if (!dir.includes('node_modules') && existsSync(node)) return node;
  }
  return 'node';
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** janode in its own process. */
export class JanodeViewer {
  readonly events: JanodeEvent[] = [];
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #waiting = new Map<number, (answer: Answer) => void>();
  readonly #eventWaiters = new Set<() => void>();
  #next = 0;
  #stderr = '';

  constructor() {
    const node = machineNode();
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    this.#child = spawn(node, [tsx, join(import.meta.dirname, 'janode-worker.ts')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.#stderr += chunk));
    createInterface({ input: this.#child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as Answer | JanodeEvent;
      if ('event' in message) {
        this.events.push(message);
        for (const wake of [...this.#eventWaiters]) wake();
        return;
      }
      this.#waiting.get(message.id)?.(message);
      this.#waiting.delete(message.id);
    });
  }

  /** Runs a command; rejects with janode's error message. */
  run(command: JanodeCommand): Promise<unknown> {
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`janode did not answer ${command.op} within 20 s; stderr: ${this.#stderr}`));
      }, 20_000);
      this.#waiting.set(id, (answer) => {
        clearTimeout(timer);
        if (answer.ok) resolve(answer.value);
        else reject(new Error(answer.error));
      });
      this.#child.stdin.write(`${JSON.stringify({ ...command, id })}\n`);
    });
  }

  /** Connects as `name` to a door URL, with a token and upgrade headers if given. */
  connect(
    name: string,
    url: string,
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    return this.run({ op: 'connect', name, url, ...options });
  }

  /** Creates session `name` on a connection, then attaches handle `${name}/h` of the streaming plugin. */
  async session(name: string, connection: string): Promise<string> {
    await this.run({ op: 'create', name, connection });
    await this.run({ op: 'attach', name: `${name}/h`, session: name });
    return `${name}/h`;
  }

  /** A streaming-plugin request on a handle (`watch`, `switch`, `list`, …), as janode's plugin sends it. */
  request(handle: string, method: string, args: Record<string, unknown> = {}): Promise<unknown> {
    return this.run({ op: 'request', handle, method, args });
  }

  /** Resolves with the first `event` of `name` (recorded or to come); rejects after `timeoutMs`. */
  event(name: string, event: JanodeEvent['event'], timeoutMs = 5_000): Promise<JanodeEvent> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.find((e) => e.name === name && e.event === event);
        if (found === undefined) return false;
        clearTimeout(timer);
        this.#eventWaiters.delete(wake);
        resolve(found);
        return true;
      };
      const wake = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        this.#eventWaiters.delete(wake);
        reject(new Error(`no ${event} of ${name} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.#eventWaiters.add(wake);
    });
  }

  /** Ends the worker. */
  stop(): void {
    this.#child.stdin.end();
    this.#child.kill();
  }
}
