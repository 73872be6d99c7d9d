import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Type } from 'typebox';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  openDocument,
  openMigratedDocument,
  type DocumentSpec,
  type MigratedDocumentSpec,
} from '../../../main/store/document-store';
import { StoreCorruptError, StoreUnreadableError } from '../../../main/store/store-errors';
import { VigilError, errorStatus } from '../../../common/errors';
import { refusingBackend } from './refusing-backend';

// A small document on conf in a temp folder: a list of notes, each a non-empty string, at most five.
type Notes = { notes: string[] };
const NotesDocument = Type.Object({ notes: Type.Array(Type.String({ minLength: 1 })) });

const notes: DocumentSpec<Notes> = {
  name: 'notes',
  schema: NotesDocument,
  version: '2.0.0',
  check: (content) => {
    const list = content.notes ?? [];
    if (!Array.isArray(list) || !list.every((n) => typeof n === 'string' && n !== '')) {
      return 'notes must be non-empty strings';
    }
    return list.length > 5 ? 'more than five notes' : { notes: list as string[] };
  },
};

// Version 1 kept one comma-separated `text`; version 2 a list of notes.
const migratedNotes: MigratedDocumentSpec<Notes> = {
  ...notes,
  migrations: {
    '2.0.0': (v1) => {
      const { text, ...rest } = v1;
      if (typeof text !== 'string') return Promise.resolve('"text" is not a string');
      return Promise.resolve({ ...rest, notes: text.split(',') });
    },
  },
};

let dataDir: string;
let file: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-document-'));
  file = join(dataDir, 'notes.json');
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const onDisk = (): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const backups = (): string[] => readdirSync(dataDir).filter((name) => name.includes('.corrupt-'));

function openFails(open: () => unknown): unknown {
  try {
    open();
  } catch (error) {
    return error;
  }
  return expect.unreachable('the document opened');
}

describe('openDocument: load and validate', () => {
  it('starts a missing file empty, with the version recorded and mode 0600', () => {
    const document = openDocument(notes, { dataDir });
    expect(document.read()).toEqual({ notes: [] });
    expect(document.path).toBe(file);
    expect(document.migrated).toBe(false);
    expect(onDisk()).toEqual({ __internal__: { migrations: { version: '2.0.0' } } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('loads a valid file and keeps keys it does not know', () => {
    writeFileSync(file, JSON.stringify({ notes: ['a', 'b'], other: 1 }));
    expect(openDocument(notes, { dataDir }).read()).toEqual({ notes: ['a', 'b'] });
    expect(onDisk()).toMatchObject({ notes: ['a', 'b'], other: 1 });
  });

  it.each([
    ['bad JSON', '{"notes": [', /^bad JSON/],
    ['a top-level array', '[]', /^the top level is not a JSON object$/],
    ['content its rules refuse', JSON.stringify({ notes: ['a', ''] }), /^notes must be non-empty strings$/],
  ])('stops on %s: StoreCorruptError, a copy saved, the file untouched', (_label, text, problem) => {
    writeFileSync(file, text);
    const error = openFails(() => openDocument(notes, { dataDir }));
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).problem).toMatch(problem);
    expect(readFileSync((error as StoreCorruptError).backupPath ?? '', 'utf8')).toBe(text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(backups()).toHaveLength(1);
  });

  it('reports a file it cannot read as StoreUnreadableError, with no copy', () => {
    mkdirSync(file);
    expect(openFails(() => openDocument(notes, { dataDir }))).toMatchObject({
      code: 'VIGIL_ERR_STORE_UNREADABLE',
      errno: 'EISDIR',
    });
    expect(backups()).toEqual([]);
  });

  it('reports an engine that cannot open the file as StoreUnreadableError', () => {
    const backend = (): never => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const error = openFails(() => openDocument(notes, { dataDir, backend }));
    expect(error).toBeInstanceOf(StoreUnreadableError);
    expect(error).toMatchObject({ errno: 'EACCES', path: file });
  });
});

describe('JsonDocument writes', () => {
  it('writes atomically (a new file renamed over the old), 0600, and persists across a reopen', () => {
    const document = openDocument(notes, { dataDir });
    const inode = statSync(file).ino;
    document.write({ notes: ['lobby'] });
    expect(statSync(file).ino).not.toBe(inode);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(document.read()).toEqual({ notes: ['lobby'] });
    expect(openDocument(notes, { dataDir }).read()).toEqual({ notes: ['lobby'] });
  });

  it('has the engine refuse a write its schema refuses, leaving the file as it was', () => {
    const document = openDocument(notes, { dataDir });
    document.write({ notes: ['kept'] });
    expect(() => {
      document.write({ notes: [''] });
    }).toThrow(/schema violation/);
    expect(onDisk()).toMatchObject({ notes: ['kept'] });
  });

  it.each([
    ['ENOSPC', /the disk holding .* is full \(ENOSPC\)\. Free some space there, then try again/],
    ['EDQUOT', /quota .* is used up \(EDQUOT\)/],
    ['EROFS', /is on a read-only file system \(EROFS\)\. Make it writable again/],
    ['EACCES', /may not write in .* \(EACCES\)\. Give it write access/],
  ])(
    'answers a write the disk refuses (%s) with VIGIL_ERR_STORAGE_UNAVAILABLE and changes nothing',
    (errno, words) => {
      let refusing = false;
      const document = openDocument(notes, { dataDir, backend: refusingBackend(errno, () => refusing) });
      document.write({ notes: ['kept'] });
      const listener = vi.fn();
      document.onChange(listener);
      refusing = true;
      let thrown: unknown;
      try {
        document.write({ notes: ['kept', 'lost'] });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(VigilError);
      expect(thrown).toMatchObject({ code: 'VIGIL_ERR_STORAGE_UNAVAILABLE', cause: { code: errno } });
      expect(errorStatus[(thrown as VigilError).code]).toBe(503);
      expect((thrown as Error).message).toMatch(words);
      expect((thrown as Error).message).toContain(dataDir);
      expect(document.read()).toEqual({ notes: ['kept'] });
      expect(onDisk()).toMatchObject({ notes: ['kept'] });
      expect(listener).not.toHaveBeenCalled();
      refusing = false;
      document.write({ notes: ['kept', 'again'] });
      expect(onDisk()).toMatchObject({ notes: ['kept', 'again'] });
    },
  );

  it('lets other write failures through as they are', () => {
    const document = openDocument(notes, { dataDir, backend: refusingBackend('EIO', () => true) });
    expect(() => {
      document.write({ notes: ['x'] });
    }).toThrow(/EIO/);
  });

  it('notifies listeners of every write until they unsubscribe', () => {
    const document = openDocument(notes, { dataDir });
    const listener = vi.fn();
    const unsubscribe = document.onChange(listener);
    document.write({ notes: ['a'] });
    document.write({ notes: ['a', 'b'] });
    unsubscribe();
    document.write({ notes: [] });
    expect(listener.mock.calls).toEqual([[{ notes: ['a'] }], [{ notes: ['a', 'b'] }]]);
  });
});

describe('a shared document (another process writes it too)', () => {
  it('reads the file again when it changed on disk, and says so', () => {
    const station = openDocument({ ...notes, shared: true }, { dataDir });
    const listener = vi.fn();
    station.onChange(listener);
    openDocument(notes, { dataDir }).write({ notes: ['from the CLI'] });
    expect(station.read()).toEqual({ notes: ['from the CLI'] });
    expect(station.read()).toEqual({ notes: ['from the CLI'] });
    expect(listener.mock.calls).toEqual([[{ notes: ['from the CLI'] }]]);
  });

  it('stops on a damaged file another process left, with a copy', () => {
    const station = openDocument({ ...notes, shared: true }, { dataDir });
    writeFileSync(file, JSON.stringify({ notes: ['1', '2', '3', '4', '5', '6'] }));
    expect(() => station.read()).toThrow(StoreCorruptError);
    expect(backups()).toHaveLength(1);
  });

  it('is not re-read when not shared', () => {
    const station = openDocument(notes, { dataDir });
    openDocument(notes, { dataDir }).write({ notes: ['elsewhere'] });
    expect(station.read()).toEqual({ notes: [] });
  });
});

describe('openMigratedDocument', () => {
  it.each([
    ['no version (written before versions)', {}],
    ['version 1.0.0', { __internal__: { migrations: { version: '1.0.0' } } }],
  ])('runs the steps a file needs: %s', async (_label, internal) => {
    writeFileSync(file, JSON.stringify({ ...internal, text: 'a,b', other: true }));
    const document = await openMigratedDocument(migratedNotes, { dataDir });
    expect(document.migrated).toBe(true);
    expect(document.read()).toEqual({ notes: ['a', 'b'] });
    expect(onDisk()).toEqual({
      notes: ['a', 'b'],
      other: true,
      __internal__: { migrations: { version: '2.0.0' } },
    });
    const again = await openMigratedDocument(migratedNotes, { dataDir });
    expect(again.migrated).toBe(false);
    expect(again.read()).toEqual({ notes: ['a', 'b'] });
  });

  it('runs no step for a new file or one already at the version', async () => {
    const step = vi.fn(() => Promise.resolve({}));
    const spec = { ...migratedNotes, migrations: { '2.0.0': step } };
    expect((await openMigratedDocument(spec, { dataDir })).migrated).toBe(false);
    writeFileSync(file, JSON.stringify({ notes: ['x'], __internal__: { migrations: { version: '2.0.0' } } }));
    expect((await openMigratedDocument(spec, { dataDir })).read()).toEqual({ notes: ['x'] });
    expect(step).not.toHaveBeenCalled();
  });

  it('stops when a step finds the file damaged, or its output breaks the rules, leaving the file as it was', async () => {
    for (const content of [{ text: 42 }, { text: '1,2,3,4,5,6' }]) {
      const text = JSON.stringify(content);
      writeFileSync(file, text);
      const error = await openMigratedDocument(migratedNotes, { dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    expect(backups()).toHaveLength(2);
  });

  it('refuses to write a step over a file that changed while the step ran', async () => {
    writeFileSync(file, JSON.stringify({ text: 'a' }));
    const racing = {
      ...migratedNotes,
      migrations: {
        '2.0.0': (v1: Record<string, unknown>) => {
          writeFileSync(file, JSON.stringify({ text: 'a,changed elsewhere' }));
          return Promise.resolve({ notes: [String(v1.text)] });
        },
      },
    };
    await expect(openMigratedDocument(racing, { dataDir })).rejects.toThrow(
      /changed while it was being migrated/,
    );
    expect(onDisk()).toEqual({ text: 'a,changed elsewhere' });
  });
});
