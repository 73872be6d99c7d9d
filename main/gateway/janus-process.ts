// One Janus process the station started: spawned on a config folder, its stdout/stderr logged line by line
// (secrets redacted by value: Janus prints its whole config at debug level 5+), the last lines kept for
// error messages, stopped by PID only (SIGTERM, then SIGKILL), and SIGKILLed if the station exits first — also
// when it is killed (kill -9, the OOM killer), through the kernel's parent-death signal (setpriv on Linux).
// `whenJanusReady` (start, wait, stop on failure) is shared with the media lab's Janus.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import type { Readable } from 'node:stream';

import type { Logger } from 'pino';

import { JanusStartError } from './errors';
import { JanusLog } from './janus-log';
import { killOnExit } from '../base/kill-on-exit';
import { stopWithGrace } from '../base/stop-with-grace';

/** How a process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started process, as far as starting Janus needs it: its end, and how to stop it. */
export interface StartedProcess {
  readonly exited: Promise<ExitStatus>;
  stop(): Promise<unknown>;
}

/** How to start one Janus process. */
export interface JanusProcessOptions {
  binary: string;
  /** The config folder (`janus -C <configFile> -F <dir>`). */
  folder: { configFile: string; dir: string };
  /** Receives one entry per Janus log line. */
  logger: Logger;
  /** Values replaced by `[redacted]` in every logged or kept line. */
  redact: readonly string[];
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_GRACE_MS = 5_000;

/** The arguments that run Janus on a config folder. */
export function janusArgs(folder: { configFile: string; dir: string }): string[] {
  return ['-C', folder.configFile, '-F', folder.dir];
}

/** Where util-linux's setpriv is (Debian and Ubuntu always have it: util-linux is essential there). */
export const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv'] as const;

/**
 * The command that runs `binary args…` so that it dies with this process however this process ends: on Linux,
 * `setpriv --pdeathsig SIGKILL`, which sets PR_SET_PDEATHSIG and then execs the binary in its own place (same
 * PID). The kernel sends that signal when the *thread* that forked the child ends; Node (and Electron's main
 * process) spawn from the main thread, which lives as long as the process. Elsewhere, or without setpriv, the
 * binary runs as is and a Janus left by a killed station is stopped at the next start (leftover-janus.ts).
 */
export function diesWithParent(
  binary: string,
  args: readonly string[],
  setpriv: string | null = process.platform === 'linux' ? findSetpriv() : null,
): { command: string; args: string[] } {
  if (setpriv === null) return { command: binary, args: [...args] };
  return { command: setpriv, args: ['--pdeathsig', 'SIGKILL', '--', binary, ...args] };
}

function findSetpriv(): string | null {
  return SETPRIV_PATHS.find(isExecutable) ?? null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with `child` once `ready` resolves; if it exits first or `ready` fails, stops it and rethrows. */
export async function whenJanusReady<P extends StartedProcess>(
  child: P,
  ready: (signal: AbortSignal) => Promise<void>,
): Promise<P> {
  const abort = new AbortController();
  try {
    const exited = child.exited.then((status) => {
      throw new JanusStartError(`Janus exited while starting (${describeExit(status)})`);
    });
    await Promise.race([ready(abort.signal), exited]);
    return child;
  } catch (error) {
    await child.stop();
    throw error;
  } finally {
    abort.abort();
  }
}

/** `code 1` or `signal SIGKILL`. */
export function describeExit(status: ExitStatus): string {
  return status.signal === null ? `code ${String(status.code)}` : `signal ${status.signal}`;
}

/** A Janus process this station started and still holds (its exit is observed: no PID reuse). */
export class JanusProcess implements StartedProcess {
  /** Resolves when the process has ended. */
  readonly exited: Promise<ExitStatus>;
  readonly #child: ChildProcessByStdio<null, Readable, Readable> & { pid: number };
  readonly #log: JanusLog;
  #status: ExitStatus | undefined;

  private constructor(
    child: ChildProcessByStdio<null, Readable, Readable> & { pid: number },
    options: JanusProcessOptions,
  ) {
    this.#child = child;
    this.#log = new JanusLog({
      logger: options.logger,
      redact: options.redact,
      bindings: { pid: child.pid },
    });
    this.#log.pipe(child.stdout);
    this.#log.pipe(child.stderr);
    const forget = killOnExit(child.pid);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#status = { code, signal };
        forget();
        resolve(this.#status);
      });
    });
  }

  /** Spawns Janus, tied to this process's life; throws JanusStartError if the binary cannot be executed. */
  static spawn(options: JanusProcessOptions): JanusProcess {
    // setpriv would start and then fail to exec: say so here, as a direct spawn does.
    if (!isExecutable(options.binary)) throw new JanusStartError(`could not execute ${options.binary}`);
    const { command, args } = diesWithParent(options.binary, janusArgs(options.folder));
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C in the station's terminal reaches the station, which then stops Janus
      // in order (mountpoints removed first), instead of reaching Janus directly.
      detached: true,
    });
    // A failed spawn also emits 'error'; the missing pid below reports it.
    child.once('error', () => undefined);
    if (child.pid === undefined) throw new JanusStartError(`could not execute ${options.binary}`);
    return new JanusProcess(child as typeof child & { pid: number }, options);
  }

  /** The process ID. */
  get pid(): number {
    return this.#child.pid;
  }

  /** True until the process has ended. */
  isRunning(): boolean {
    return this.#status === undefined;
  }

  /** The last log lines (redacted), oldest first. */
  tail(): string {
    return this.#log.tail();
  }

  /** Sends `signal` to this process (by its PID) if it still runs. */
  kill(signal: NodeJS.Signals): void {
    if (this.isRunning()) this.#child.kill(signal);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has ended. */
  async stop(graceMs = DEFAULT_GRACE_MS): Promise<ExitStatus> {
    return stopWithGrace(
      (signal) => {
        this.kill(signal);
      },
      this.exited,
      graceMs,
    );
  }
}
