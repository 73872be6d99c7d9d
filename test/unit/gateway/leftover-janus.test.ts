import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  forgetJanusPid,
  JANUS_PID_FILE,
  runsJanusOn,
  stopLeftoverJanus,
  writeJanusPid,
  type JanusFolder,
} from '../../../main/gateway/leftover-janus';

const TIMINGS = { graceMs: 300, pollMs: 20 };
let dir: string;
let folder: JanusFolder;
let fakeJanus: string;
const started: ChildProcess[] = [];
const log = { warn: vi.fn() };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-leftover-'));
  folder = { configFile: join(dir, 'janus.jcfg'), dir };
  fakeJanus = join(dir, 'janus');
  // A Janus that shrugs off SIGTERM, as a stuck one would.
  await writeFile(fakeJanus, ['#!/bin/sh', 'trap "" TERM', 'while true; do sleep 1; done'].join('\n'));
  await chmod(fakeJanus, 0o755);
});
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  log.warn.mockClear();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `command args…` detached (as the station starts Janus) and records its PID in the PID file. */
async function leftover(command: string, args: string[]): Promise<number> {
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  started.push(child);
  const pid = child.pid ?? 0;
  await writeJanusPid(folder, pid, log);
  await vi.waitFor(() => {
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain(args.at(-1) ?? '');
  });
  return pid;
}

/** True once `pid` has ended (a zombie counts). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

describe('runsJanusOn', () => {
  const mine = { configFile: '/data/janus/janus.jcfg', dir: '/data/janus' };
  it.each([
    [['/usr/bin/janus', '-C', '/data/janus/janus.jcfg', '-F', '/data/janus'], true],
    [['/bin/sh', '/tmp/janus', '-C', '/data/janus/janus.jcfg', '-F', '/data/janus'], true],
    [['/usr/bin/janus', '-C', '/other/janus/janus.jcfg', '-F', '/other/janus'], false],
    [['/usr/bin/janus', '-C', '/data/janus/janus.jcfg'], false],
    [['sleep', '30'], false],
    [[], false],
  ])('%o → %s', (argv, expected) => {
    expect(runsJanusOn(argv, mine)).toBe(expected);
  });
});

describe.runIf(process.platform === 'linux')('stopLeftoverJanus', () => {
  it('stops the Janus a killed station left on this folder (SIGKILL after the grace) and removes its PID file', async () => {
    const pid = await leftover(fakeJanus, ['-C', folder.configFile, '-F', folder.dir]);
    await expect(stopLeftoverJanus(folder, log, TIMINGS)).resolves.toBe(pid);
    expect(isGone(pid)).toBe(true);
    expect(existsSync(join(dir, JANUS_PID_FILE))).toBe(false);
    expect(log.warn).toHaveBeenCalledOnce();
  });

  it('never touches a process that is not that Janus, even with its PID in the file (a reused PID)', async () => {
    const pid = await leftover('sleep', ['30']);
    await expect(stopLeftoverJanus(folder, log, TIMINGS)).resolves.toBeUndefined();
    expect(isGone(pid)).toBe(false);
    expect(existsSync(join(dir, JANUS_PID_FILE))).toBe(false);
  });

  it('leaves a Janus of another config folder alone', async () => {
    const other = join(dir, 'other');
    const pid = await leftover(fakeJanus, ['-C', join(other, 'janus.jcfg'), '-F', other]);
    await expect(stopLeftoverJanus(folder, log, TIMINGS)).resolves.toBeUndefined();
    expect(isGone(pid)).toBe(false);
  });

  it('does nothing without a PID file, or with one naming a process that has ended', async () => {
    await expect(stopLeftoverJanus(folder, log, TIMINGS)).resolves.toBeUndefined();
    await writeFile(join(dir, JANUS_PID_FILE), '999999999\n');
    await expect(stopLeftoverJanus(folder, log, TIMINGS)).resolves.toBeUndefined();
    expect(existsSync(join(dir, JANUS_PID_FILE))).toBe(false);
    expect(log.warn).not.toHaveBeenCalled();
  });
});

describe('the PID file', () => {
  it('is written 0600 at launch and forgotten only by the Janus it names', async () => {
    await writeJanusPid(folder, 4242, log);
    const file = join(dir, JANUS_PID_FILE);
    expect(readFileSync(file, 'utf8')).toBe('4242\n');
    await forgetJanusPid(folder, 4343);
    expect(existsSync(file)).toBe(true);
    await forgetJanusPid(folder, 4242);
    expect(existsSync(file)).toBe(false);
  });

  it('is best effort: a folder that cannot take it is logged, not thrown', async () => {
    await writeJanusPid({ configFile: 'x', dir: join(dir, 'missing', 'folder') }, 4242, log);
    expect(log.warn).toHaveBeenCalledOnce();
  });
});
