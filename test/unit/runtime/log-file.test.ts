import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { LOG_FILE_RETRY_MS, LogFile } from '../../../main/runtime/log-file';

// The disk fills up on demand: while `disk.freeBytes` is a number, writes past it fail with ENOSPC (a write that
// partly fits writes that part first, as the kernel does).
const disk: { freeBytes: number | undefined } = { freeBytes: undefined };
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const writeSync = ((fd: number, buffer: Buffer, from?: number | null) => {
    const offset = from ?? 0;
    if (disk.freeBytes === undefined) return real.writeSync(fd, buffer, offset);
    const length = Math.min(buffer.length - offset, disk.freeBytes);
    if (length === 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    disk.freeBytes -= length;
    return real.writeSync(fd, buffer, offset, length);
  }) as typeof real.writeSync;
  return { ...real, writeSync, default: { ...real, writeSync } };
});

let dir: string;
let now: number;
const events = { dropping: vi.fn(), recovered: vi.fn() };

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'vigil-logfile-'));
  now = 1_000_000;
  disk.freeBytes = undefined;
  events.dropping.mockReset();
  events.recovered.mockReset();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (path = join(dir, 'logs', 'vigil.log')): LogFile => new LogFile(path, events, () => now);
const lines = (file: LogFile): string[] => fs.readFileSync(file.path, 'utf8').split('\n').filter(Boolean);

describe('LogFile', () => {
  it('appends lines to a 0600 file in a 0700 folder it creates', () => {
    const file = open();
    file.write('{"msg":"a"}\n');
    file.write('{"msg":"b"}\n');
    expect(lines(file)).toEqual(['{"msg":"a"}', '{"msg":"b"}']);
    expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
    expect(file.dropped()).toBe(0);
  });

  it('drops and counts the lines a full disk refuses, says so once, and writes again when space returns', () => {
    const file = open();
    file.write('{"msg":"before"}\n');
    disk.freeBytes = 0;
    for (let i = 0; i < 5; i++) file.write(`{"msg":"lost ${i}"}\n`);
    expect(file.dropped()).toBe(5);
    expect(events.dropping).toHaveBeenCalledOnce();
    expect(events.dropping.mock.calls[0]?.[0]).toMatchObject({ code: 'ENOSPC' });
    disk.freeBytes = undefined;
    // The file is tried again only after a pause: lines meanwhile are dropped without a syscall.
    file.write('{"msg":"too soon"}\n');
    expect(file.dropped()).toBe(6);
    now += LOG_FILE_RETRY_MS;
    file.write('{"msg":"after"}\n');
    expect(events.recovered).toHaveBeenCalledExactlyOnceWith(6);
    expect(lines(file)).toEqual(['{"msg":"before"}', '{"msg":"after"}']);
    disk.freeBytes = 0;
    file.write('{"msg":"again"}\n');
    expect(events.dropping).toHaveBeenCalledTimes(2);
  });

  it('ends a line the disk cut off half-way before the next one', () => {
    const file = open();
    disk.freeBytes = 5;
    file.write('{"msg":"cut off"}\n');
    expect(file.dropped()).toBe(1);
    disk.freeBytes = undefined;
    now += LOG_FILE_RETRY_MS;
    file.write('{"msg":"whole"}\n');
    expect(lines(file)).toEqual(['{"msg', '{"msg":"whole"}']);
  });

  it('ends a line an earlier run left cut off before its own first line', () => {
    fs.mkdirSync(join(dir, 'logs'));
    fs.writeFileSync(join(dir, 'logs', 'vigil.log'), '{"msg":"whole"}\n{"msg":"cut o');
    const file = open();
    file.write('{"msg":"next run"}\n');
    expect(lines(file)).toEqual(['{"msg":"whole"}', '{"msg":"cut o', '{"msg":"next run"}']);
  });

  it('starts when the file cannot even be opened, dropping lines until it can', () => {
    // A file where the logs folder should be: mkdir fails, as on a full or read-only disk.
    fs.writeFileSync(join(dir, 'logs'), 'not a folder');
    const file = open();
    expect(() => {
      file.write('{"msg":"lost"}\n');
    }).not.toThrow();
    expect(file.dropped()).toBe(1);
    expect(events.dropping).toHaveBeenCalledOnce();
    fs.rmSync(join(dir, 'logs'));
    now += LOG_FILE_RETRY_MS;
    file.write('{"msg":"kept"}\n');
    expect(lines(file)).toEqual(['{"msg":"kept"}']);
    expect(events.recovered).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('flushes without failing, also when it holds no file', () => {
    fs.writeFileSync(join(dir, 'logs'), 'not a folder');
    expect(() => {
      open().flush();
    }).not.toThrow();
  });
});
