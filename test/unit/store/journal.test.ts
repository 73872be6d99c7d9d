import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JournalWriter, readJournal, type JournalCheck } from '../../../main/store/journal';

const check: JournalCheck<{ n: number }> = (value) =>
  typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'number'
    ? (value as { n: number })
    : 'no n';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-journal-'));
  path = join(dir, 'j.jsonl');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('JournalWriter and readJournal', () => {
  it('reads nothing from a missing file', () => {
    expect(readJournal(path, check)).toEqual({ records: [], damage: [] });
  });

  it('appends records in order, each on disk when its promise resolves; concurrent appends share writes', async () => {
    const writer = new JournalWriter<{ n: number }>(path);
    await Promise.all(Array.from({ length: 50 }, (_, n) => writer.append({ n })));
    await writer.append({ n: 50 });
    expect(readJournal(path, check).records.map((r) => r.n)).toEqual(Array.from({ length: 51 }, (_, n) => n));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await writer.close();
  });

  it('cuts off a torn last line (a kill mid-write) and reports it; appends then start on a clean line', async () => {
    writeFileSync(path, '{"n":1}\n{"n":2}\n{"n":');
    const read = readJournal(path, check);
    expect(read.records).toEqual([{ n: 1 }, { n: 2 }]);
    expect(read.damage).toEqual([{ line: 3, problem: expect.stringContaining('torn last line') as string }]);
    const writer = new JournalWriter<{ n: number }>(path);
    await writer.append({ n: 3 });
    await writer.close();
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    expect(readJournal(path, check).damage).toEqual([]);
  });

  it('skips and reports damaged lines in the middle without failing', () => {
    writeFileSync(path, '{"n":1}\nnot json\n{"m":2}\n\n{"n":4}\n');
    const read = readJournal(path, check);
    expect(read.records).toEqual([{ n: 1 }, { n: 4 }]);
    expect(read.damage).toEqual([
      { line: 2, problem: 'not JSON' },
      { line: 3, problem: 'no n' },
    ]);
  });

  it('rewrites the journal atomically after appends under way; appends made meanwhile land after it', async () => {
    const writer = new JournalWriter<{ n: number }>(path);
    const written: number[] = [];
    const pending = writer.append({ n: 1 }).then(() => written.push(1));
    const rewrite = writer.rewrite(() => written.map((n) => ({ n: n * 10 })));
    const meanwhile = writer.append({ n: 2 });
    await Promise.all([pending, rewrite, meanwhile]);
    await writer.append({ n: 3 });
    await writer.close();
    // The rewrite saw the append under way (its callback ran after it), and lost neither later one.
    expect(readJournal(path, check).records).toEqual([{ n: 10 }, { n: 2 }, { n: 3 }]);
  });

  it('rejects an append it could not write, and writes the next one when it can', async () => {
    const writer = new JournalWriter<{ n: number }>(join(dir, 'later', 'j.jsonl'));
    await expect(writer.append({ n: 1 })).rejects.toMatchObject({ code: 'ENOENT' });
    mkdirSync(join(dir, 'later'));
    await writer.append({ n: 2 });
    await writer.close();
    expect(readJournal(join(dir, 'later', 'j.jsonl'), check).records).toEqual([{ n: 2 }]);
  });
});
