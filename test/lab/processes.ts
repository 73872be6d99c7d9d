// Starting and stopping the lab's processes. Everything is by PID, only for processes the lab started;
// a spawn prefix (`ip netns exec NS`, which execs, so the PID stays the program's) runs them in a namespace.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

import { stopWithGrace } from '../../main/base/stop-with-grace';

/** How a lab process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Where lab processes run: through a prefix (`ip netns exec NS`, for `up`) or right here (`startLab`). */
export interface Launch {
  prefix: readonly string[];
  /** Own session, released after start: the process outlives the lab command that started it (`up`). */
  detached: boolean;
}

/** How to start one lab process. */
export interface PartSpawn {
  launch: Launch;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended to this file unless stdout is piped. */
  logFile: string;
  pipeStdout?: boolean;
}

const GRACE_MS = 5_000;
const POLL_MS = 20;
const killOnExit = new Set<number>();
process.on('exit', () => {
  for (const pid of killOnExit) signalPid(pid, 'SIGKILL');
});

/** A process the lab started and still holds (its exit is observed, no PID reuse is possible). */
export class PartProcess {
  /** Resolves when the process has ended. */
  readonly exited: Promise<ExitStatus>;
  private status: ExitStatus | undefined;

  constructor(readonly child: ChildProcess & { pid: number }) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.status = { code, signal };
        killOnExit.delete(child.pid);
        resolve(this.status);
      });
    });
    killOnExit.add(child.pid);
  }

  /** The process ID. */
  get pid(): number {
    return this.child.pid;
  }

  /** True until the process has ended. */
  isRunning(): boolean {
    return this.status === undefined;
  }

  /** Sends `signal` if the process still runs. */
  kill(signal: NodeJS.Signals): void {
    if (this.isRunning()) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has ended. */
  async stop(graceMs = GRACE_MS): Promise<ExitStatus> {
    return stopWithGrace(
      (signal) => {
        this.kill(signal);
      },
      this.exited,
      graceMs,
    );
  }

  /** Lets the process live on after this program exits (for `up`): no pipes, no exit-time kill. */
  release(): void {
    this.child.stdout?.destroy();
    this.child.unref();
    killOnExit.delete(this.pid);
  }
}

/** Starts a process as `spec` describes; stdio goes to the log file (stdout piped if asked). */
export function spawnPart(spec: PartSpawn): PartProcess {
  const log = openSync(spec.logFile, 'a', 0o600);
  try {
    const [command, ...args] = [...spec.launch.prefix, spec.command, ...spec.args];
    if (command === undefined) throw new Error('spawnPart: no command');
    const child = spawn(command, args, {
      env: spec.env ?? process.env,
      stdio: ['ignore', spec.pipeStdout ? 'pipe' : log, log],
      detached: spec.launch.detached,
    });
    // A failed spawn also emits 'error' later; the throw below already reports it.
    child.once('error', () => undefined);
    if (child.pid === undefined) {
      throw new Error(`could not start ${spec.command}: is it installed? (see ${spec.logFile})`);
    }
    return new PartProcess(child as ChildProcess & { pid: number });
  } finally {
    closeSync(log);
  }
}

/** The last `lines` lines of a log file, for error messages ('' if unreadable). */
export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** True if a process with this PID exists (and is not a zombie). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
}

/** Stops a PID this lab started earlier (another lab command): SIGTERM, wait, SIGKILL, wait. */
export async function stopPid(pid: number, graceMs = GRACE_MS): Promise<void> {
  signalPid(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return;
  signalPid(pid, 'SIGKILL');
  if (!(await waitForExit(pid, graceMs)))
    throw new Error(`process ${pid} survived SIGKILL for ${graceMs} ms`);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isPidAlive(pid)) return true;
    await sleep(POLL_MS);
  }
  return !isPidAlive(pid);
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

function isZombie(pid: number): boolean {
  try {
    // /proc/PID/stat: "pid (comm) S ..."; the state letter follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
