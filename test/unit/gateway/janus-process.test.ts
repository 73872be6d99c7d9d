import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JanusStartError } from '../../../main/gateway/errors';
import { diesWithParent, janusArgs, JanusProcess, whenJanusReady } from '../../../main/gateway/janus-process';

const SECRET = 'Zq9-secret-value-0123456789';
let dir: string;
let fakeJanus: string;

/** A pino logger that keeps every entry. */
function capture(): { logger: pino.Logger; entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      entries.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), entries };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-janus-process-'));
  fakeJanus = join(dir, 'janus');
  // Prints like Janus (timestamps, a config dump with a secret, an error on stderr), then ignores SIGTERM.
  await writeFile(
    fakeJanus,
    [
      '#!/bin/sh',
      'trap "" TERM',
      'echo "args: $*"',
      `echo "[Sat Nov 21 07:00:37 2026]         admin_key: ${SECRET}"`,
      'echo "[Sat Nov 21 07:00:37 2026] [FATAL] [transports/janus_http.c:795] Couldn\'t start webserver on port 8088..." >&2',
      'echo ready',
      'while true; do sleep 1; done',
    ].join('\n'),
  );
  await chmod(fakeJanus, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JanusProcess', () => {
  it('logs each line (secrets redacted, timestamps dropped, errors at error) and SIGKILLs after the grace', async () => {
    const { logger, entries } = capture();
    const folder = { configFile: '/cfg/janus.jcfg', dir: '/cfg' };
    const janus = JanusProcess.spawn({ binary: fakeJanus, folder, logger, redact: [SECRET] });
    await expect.poll(() => entries.some((entry) => entry.msg === 'ready')).toBe(true);
    const messages = entries.map((entry) => entry.msg);
    expect(messages).toContain(`args: ${janusArgs(folder).join(' ')}`);
    expect(messages).toContain('        admin_key: [redacted]');
    const fatal = entries.find((entry) => String(entry.msg).includes('[FATAL]'));
    expect(fatal).toMatchObject({ level: 50, pid: janus.pid });
    expect(JSON.stringify(entries)).not.toContain(SECRET);
    expect(janus.tail()).toContain('[redacted]');
    expect(janus.tail()).not.toContain(SECRET);

    const started = Date.now();
    expect(await janus.stop(300)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(janus.isRunning()).toBe(false);
  });

  it('SIGKILLs Janus when the station process exits without stop()', async () => {
    const station = join(dir, 'station.mts');
    const module = fileURLToPath(new URL('../../../main/gateway/janus-process.ts', import.meta.url));
    await writeFile(
      station,
      [
        `import pino from ${JSON.stringify(import.meta.resolve('pino'))};`,
        `import { JanusProcess } from ${JSON.stringify(module)};`,
        `const folder = { configFile: 'x', dir: 'y' };`,
        `const janus = JanusProcess.spawn({ binary: ${JSON.stringify(fakeJanus)}, folder, logger: pino({ level: 'silent' }), redact: [] });`,
        `console.log(janus.pid);`,
        `setTimeout(() => process.exit(0), 200);`,
      ].join('\n'),
    );
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', import.meta.resolve('tsx'), station], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    });
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await expect.poll(() => isGone(pid)).toBe(true);
  });

  it('dies with the station when the station is killed (kill -9, the OOM killer): no orphaned Janus', async () => {
    const station = join(dir, 'killed-station.mts');
    const module = fileURLToPath(new URL('../../../main/gateway/janus-process.ts', import.meta.url));
    await writeFile(
      station,
      [
        `import pino from ${JSON.stringify(import.meta.resolve('pino'))};`,
        `import { JanusProcess } from ${JSON.stringify(module)};`,
        `const folder = { configFile: 'x', dir: 'y' };`,
        `const janus = JanusProcess.spawn({ binary: ${JSON.stringify(fakeJanus)}, folder, logger: pino({ level: 'silent' }), redact: [] });`,
        `console.log(janus.pid);`,
        `setTimeout(() => process.kill(process.pid, 'SIGKILL'), 200);`,
      ].join('\n'),
    );
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', import.meta.resolve('tsx'), station], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    }).catch((error: unknown) => error as { stdout: string; signal: string });
    expect(failed).toMatchObject({ signal: 'SIGKILL' });
    const pid = Number(failed.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await expect.poll(() => isGone(pid)).toBe(true);
  });

  it('reports a binary that cannot be executed', () => {
    const { logger } = capture();
    expect(() =>
      JanusProcess.spawn({
        binary: join(dir, 'nope'),
        folder: { configFile: 'x', dir: 'y' },
        logger,
        redact: [],
      }),
    ).toThrow(JanusStartError);
  });
});

/** True once `pid` has ended (a zombie counts: here PID 1 may not reap orphans). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

describe('diesWithParent', () => {
  it('runs Janus through setpriv with a parent-death SIGKILL where there is setpriv (same PID: setpriv execs)', () => {
    expect(diesWithParent('/usr/bin/janus', ['-C', 'c', '-F', 'd'], '/usr/bin/setpriv')).toEqual({
      command: '/usr/bin/setpriv',
      args: ['--pdeathsig', 'SIGKILL', '--', '/usr/bin/janus', '-C', 'c', '-F', 'd'],
    });
  });

  it('runs Janus as is where there is none', () => {
    expect(diesWithParent('/usr/bin/janus', ['-C', 'c'], null)).toEqual({
      command: '/usr/bin/janus',
      args: ['-C', 'c'],
    });
  });

  it.runIf(process.platform === 'linux')('finds setpriv on this Linux (util-linux)', () => {
    expect(diesWithParent('/usr/bin/janus', []).command).toMatch(/\/setpriv$/);
  });
});

describe('whenJanusReady', () => {
  it('stops the process and rejects when it exits before it is ready', async () => {
    const stopped: string[] = [];
    const child = {
      exited: Promise.resolve({ code: 1, signal: null }),
      stop: () => {
        stopped.push('stop');
        return Promise.resolve();
      },
    };
    await expect(whenJanusReady(child, () => new Promise(() => undefined))).rejects.toThrow(
      'Janus exited while starting (code 1)',
    );
    expect(stopped).toEqual(['stop']);
  });

  it('stops the process when the wait fails, and aborts the wait once done', async () => {
    let signal: AbortSignal | undefined;
    let stops = 0;
    const child = {
      exited: new Promise<never>(() => undefined),
      stop: () => Promise.resolve(stops++),
    };
    await expect(
      whenJanusReady(child, (s) => {
        signal = s;
        return Promise.reject(new Error('no answer'));
      }),
    ).rejects.toThrow('no answer');
    expect(stops).toBe(1);
    expect(signal?.aborted).toBe(true);
    await expect(whenJanusReady(child, () => Promise.resolve())).resolves.toBe(child);
    expect(stops).toBe(1);
  });
});
