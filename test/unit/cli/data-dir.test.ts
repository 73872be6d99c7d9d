import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CliError } from '../../../main/cli/cli-error';
import { ensureDataDir, resolveDataDir } from '../../../main/cli/data-dir';

describe('resolveDataDir', () => {
  const home = '/home/desk';

  it.each<[string | undefined, NodeJS.ProcessEnv, string]>([
    ['/srv/vigil', { VIGIL_DATA_DIR: '/env/vigil', XDG_DATA_HOME: '/xdg' }, '/srv/vigil'],
    [undefined, { VIGIL_DATA_DIR: '/env/vigil', XDG_DATA_HOME: '/xdg' }, '/env/vigil'],
    [undefined, { XDG_DATA_HOME: '/xdg' }, '/xdg/vigil'],
    [undefined, {}, '/home/desk/.local/share/vigil'],
    ['', { VIGIL_DATA_DIR: '' }, '/home/desk/.local/share/vigil'],
    // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
    [undefined, { XDG_DATA_HOME: 'relative' }, '/home/desk/.local/share/vigil'],
  ])('flag %j, env %j → %s', (flag, env, expected) => {
    expect(resolveDataDir(flag, env, home)).toBe(expected);
  });

  it('makes relative flag and env values absolute', () => {
    expect(resolveDataDir('data', {}, home)).toBe(join(process.cwd(), 'data'));
    expect(resolveDataDir(undefined, { VIGIL_DATA_DIR: 'env-data' }, home)).toBe(
      join(process.cwd(), 'env-data'),
    );
  });
});

describe('ensureDataDir', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-cli-datadir-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates missing folders owner-only (0700)', async () => {
    const dir = join(root, 'a', 'vigil');
    await ensureDataDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('tightens an existing folder that others can read', async () => {
    await chmod(root, 0o755);
    await ensureDataDir(root);
    expect((await stat(root)).mode & 0o777).toBe(0o700);
  });

  it('refuses a file in the folder’s place with a message naming it', async () => {
    const file = join(root, 'file');
    await writeFile(file, '');
    await expect(ensureDataDir(file)).rejects.toThrow(CliError);
    await expect(ensureDataDir(join(file, 'sub'))).rejects.toThrow(
      /Cannot use the data folder .*file\/sub \(ENOTDIR\)/,
    );
  });
});
