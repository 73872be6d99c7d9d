// A bundled Janus a killed station left running (kill -9 or the OOM killer before its parent-death signal
// existed, or on a system without setpriv) holds the station's ports, camera sessions and viewer tokens, and the
// next start would refuse with "port in use". Each launch writes Janus's PID to <config folder>/janus.pid; the
// next start stops the process named there, but only after /proc/PID/cmdline shows it really is that Janus on
// that config folder (a PID is reused after a reboot, and another program's process is never touched).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from 'pino';

import { janusArgs } from './janus-process';

/** The file in Janus's config folder that holds the PID of the Janus running on it. */
export const JANUS_PID_FILE = 'janus.pid';

/** A config folder Janus runs on. */
export interface JanusFolder {
  configFile: string;
  dir: string;
}

/** How long a leftover Janus gets to stop after SIGTERM before SIGKILL, and how often it is looked at. */
export interface LeftoverTimings {
  graceMs: number;
  pollMs: number;
}

const TIMINGS: LeftoverTimings = { graceMs: 3_000, pollMs: 50 };

/** Whether a command line (`/proc/PID/cmdline`, split at NULs) runs Janus on `folder`. */
export function runsJanusOn(argv: readonly string[], folder: JanusFolder): boolean {
  const expected = janusArgs(folder);
  const tail = argv.slice(-expected.length);
  return tail.length === expected.length && tail.every((arg, i) => arg === expected[i]);
}

/** Records the PID of the Janus just launched on `folder` (best effort: a failure is logged). */
export async function writeJanusPid(
  folder: JanusFolder,
  pid: number,
  log: Pick<Logger, 'warn'>,
): Promise<void> {
  try {
    await writeFile(join(folder.dir, JANUS_PID_FILE), `${pid}\n`, { mode: 0o600 });
  } catch (error) {
    log.warn({ err: error, pid }, 'the Janus PID file could not be written; a crash may leave Janus running');
  }
}

/** Removes the PID file when it still names `pid` (the Janus that ended). */
export async function forgetJanusPid(folder: JanusFolder, pid: number): Promise<void> {
  if ((await readPid(folder)) === pid) await rm(join(folder.dir, JANUS_PID_FILE), { force: true });
}

/**
 * Stops the Janus an earlier run left on `folder` (SIGTERM, SIGKILL after the grace) and removes the PID file;
 * resolves to its PID, or undefined when there was none. Only Linux has /proc: elsewhere nothing is touched.
 */
export async function stopLeftoverJanus(
  folder: JanusFolder,
  log: Pick<Logger, 'warn'>,
  timings: LeftoverTimings = TIMINGS,
): Promise<number | undefined> {
  const pid = await readPid(folder);
  if (pid === undefined) return undefined;
  const argv = await commandLine(pid);
  let stopped: number | undefined;
  if (argv !== undefined && runsJanusOn(argv, folder)) {
    log.warn({ pid }, 'a Janus left running by an earlier run of this station is stopped before starting');
    await stop(pid, timings);
    stopped = pid;
  }
  await rm(join(folder.dir, JANUS_PID_FILE), { force: true });
  return stopped;
}

async function readPid(folder: JanusFolder): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(join(folder.dir, JANUS_PID_FILE), 'utf8')).trim());
    return Number.isSafeInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The process's arguments, or undefined when it is gone, a zombie, or this system has no /proc. */
async function commandLine(pid: number): Promise<string[] | undefined> {
  if (!(await isRunning(pid))) return undefined;
  try {
    const text = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return text.split('\u0000').filter((arg, i, all) => arg !== '' || i < all.length - 1);
  } catch {
    return undefined;
  }
}

/** Whether `pid` runs (a zombie has ended: it only waits for its parent, maybe an init that never reaps). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function stop(pid: number, timings: LeftoverTimings): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + (signal === 'SIGTERM' ? timings.graceMs : timings.graceMs * 2);
    while (Date.now() < until) {
      if (!(await isRunning(pid))) return;
      await new Promise((resolve) => setTimeout(resolve, timings.pollMs));
    }
  }
}
