import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  isLeftoverTempName,
  removeLeftoverTempFiles,
  TEMP_FILE_MIN_AGE_MS,
} from '../../../main/store/leftover-temp-files';

let dir: string;
const log = { info: vi.fn(), warn: vi.fn() };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-temp-'));
  log.info.mockClear();
  log.warn.mockClear();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `name` in the data folder, last modified `ageMs` ago. */
function file(name: string, ageMs = 10 * 60_000): void {
  const path = join(dir, name);
  writeFileSync(path, '{"cameras":[{"password_sealed":"…"}]}');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
}

describe('isLeftoverTempName', () => {
  it.each([
    ['cameras.json.tmp-1718000000a1b2c3', true],
    ['api-keys.json.tmp-0000000001ffffff', true],
    ['manage.key.0123456789ab.tmp', true],
    ['signin-url.0123456789ab.tmp', true],
    ['cameras.json', false],
    ['cameras.json.corrupt-2025-01-01T00-00-00.000Z', false],
    ['cameras.json.tmp-123', false],
    ['notes.tmp', false],
    ['secret.key.0123456789ab.tmp', false],
    ['vigil.log', false],
  ])('%s → %s', (name, leftover) => {
    expect(isLeftoverTempName(name)).toBe(leftover);
  });
});

describe('removeLeftoverTempFiles', () => {
  it('removes the temp files interrupted writes left, and nothing else', async () => {
    file('cameras.json');
    file('cameras.json.tmp-1718000000a1b2c3');
    file('manage.key.0123456789ab.tmp');
    file('cameras.json.corrupt-2025-01-01T00-00-00.000Z');
    mkdirSync(join(dir, 'views.json.tmp-1718000000a1b2c3'));
    const removed = await removeLeftoverTempFiles(dir, log);
    expect(removed.sort()).toEqual(['cameras.json.tmp-1718000000a1b2c3', 'manage.key.0123456789ab.tmp']);
    expect(readdirSync(dir).sort()).toEqual([
      'cameras.json',
      'cameras.json.corrupt-2025-01-01T00-00-00.000Z',
      'views.json.tmp-1718000000a1b2c3',
    ]);
    expect(log.info).toHaveBeenCalledOnce();
  });

  it('leaves a young temp file alone: another process may be about to rename it', async () => {
    file('api-keys.json.tmp-1718000000a1b2c3', TEMP_FILE_MIN_AGE_MS / 2);
    expect(await removeLeftoverTempFiles(dir, log)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['api-keys.json.tmp-1718000000a1b2c3']);
    expect(log.info).not.toHaveBeenCalled();
  });

  it('matches the name the store engine really leaves when killed between its write and its rename', () => {
    // conf (through atomically) writes <name>.json.tmp-… and renames it over the file; this child dies in between.
    const child = join(dir, 'killed-writer.mjs');
    writeFileSync(
      child,
      [
        "import fs from 'node:fs';",
        "import { createRequire } from 'node:module';",
        'let armed = false;',
        'const rename = fs.renameSync;',
        "fs.renameSync = (...args) => (armed ? process.kill(process.pid, 'SIGKILL') : rename(...args));",
        `const { default: Conf } = await import(createRequire(${JSON.stringify(`${process.cwd()}/`)}).resolve('conf'));`,
        `const conf = new Conf({ cwd: ${JSON.stringify(dir)}, configName: 'notes', projectVersion: '1.0.0' });`,
        'armed = true;',
        "conf.set({ notes: ['b'] });",
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [child]);
    expect(run.signal).toBe('SIGKILL');
    const temps = readdirSync(dir).filter((name) => name.startsWith('notes.json'));
    expect(temps).toHaveLength(1);
    expect(temps.every(isLeftoverTempName)).toBe(true);
  });
});
