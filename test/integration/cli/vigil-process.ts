// Runs `bin/vigil.js` as a child process the way users do (Node 22 from node_modules/.bin, tsx via the
// launcher), with an environment free of the lab's JANUS_* variables unless a test passes them.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const VIGIL = join(ROOT, 'bin/vigil.js');

/** A running (or finished) `vigil` command. */
export interface VigilProcess {
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves with the first stdout match, or rejects when the process ends or the time is up. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGKILL, for clean-up after a failed test. */
  kill(): void;
}

/** The environment without the lab's Janus settings (the bundled Janus is the default). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JANUS_')));
  return { ...env, VIGIL_DATA_DIR: '', ...extra };
}

/** Starts `vigil ARGS…`. */
export function startVigil(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): VigilProcess {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(NODE, [VIGIL, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start bin/vigil.js');
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      resolve(code);
    });
  });
  return {
    pid: child.pid,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          finish(new Error(`no ${String(pattern)} within ${timeoutMs} ms; stderr: ${err}`));
        }, timeoutMs);
        const check = (): void => {
          const match = pattern.exec(out);
          if (match !== null) finish(undefined, match);
        };
        const onExit = (): void => {
          finish(new Error(`vigil exited before printing ${String(pattern)}; stderr: ${err}`));
        };
        const finish = (error?: Error, match?: RegExpExecArray): void => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('close', onExit);
          if (match !== undefined) resolve(match);
          else reject(error ?? new Error('unreachable'));
        };
        child.stdout.on('data', check);
        child.once('close', onExit);
        check();
      }),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Runs a short `vigil` command to its end. */
export async function runVigil(
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const vigil = startVigil(args, env);
  const code = await vigil.exited;
  return { code, stdout: vigil.stdout(), stderr: vigil.stderr() };
}

/** PIDs of the running processes whose parent is `ppid` and whose command name is `name` (from /proc). */
export function childPids(ppid: number, name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces, so split after its closing parenthesis.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm === name && Number(parent) === ppid && state !== 'Z') pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Whether a process with this PID exists (and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
