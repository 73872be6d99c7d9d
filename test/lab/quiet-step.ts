// A lab build step whose output goes to a log file, not the terminal: installing Debian packages (on the host or
// into the Janus base image's root) prints hundreds of lines such as "Created symlink /etc/systemd/…" that read
// as if this machine were being changed. A failure shows the last lines and names the log.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

const TAIL_LINES = 30;

/** How to run a quiet step. */
export interface QuietStepOptions {
  /** Where the step's output goes (appended). */
  logFile: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command`, its output appended to `options.logFile`; rejects with the output's last lines on failure. */
export async function quietStep(
  command: string,
  args: readonly string[],
  options: QuietStepOptions,
): Promise<void> {
  const log = createWriteStream(options.logFile, { flags: 'a', mode: 0o644 });
  await new Promise<void>((resolve, reject) => {
    log.once('open', () => {
      resolve();
    });
    log.once('error', reject);
  });
  log.write(`\n$ ${command} ${args.join(' ')}\n`);
  const outcome = await new Promise<string | undefined>((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
      killSignal: 'SIGKILL',
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve(code === 0 ? undefined : (signal ?? `exit ${code}`));
    });
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (outcome === undefined) return;
  const tail = (await readFile(options.logFile, 'utf8')).trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
  throw new Error(
    `${command} failed (${outcome}); its last lines (all of it in ${options.logFile}):\n${tail}`,
  );
}
