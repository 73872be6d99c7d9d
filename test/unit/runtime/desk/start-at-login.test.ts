import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  autostartEntry,
  autostartFile,
  autostartPath,
  createStartAtLogin,
  hasKioskFlag,
  quoteExecArg,
} from '../../../../main/runtime/desk/start-at-login';
import { FakeLoginItems } from './fakes';

describe('hasKioskFlag', () => {
  it.each([
    [['/opt/Vigil/vigil', '--kiosk'], true],
    [['/opt/Vigil/vigil'], false],
    [['/opt/Vigil/vigil', '--kiosk=false'], false],
  ])('%j → %s', (argv, expected) => {
    expect(hasKioskFlag(argv)).toBe(expected);
  });
});

describe('quoteExecArg', () => {
  it.each([
    ['/opt/Vigil/vigil', '/opt/Vigil/vigil'],
    ['--kiosk', '--kiosk'],
    ['/home/desk/My Apps/Vigil.AppImage', '"/home/desk/My Apps/Vigil.AppImage"'],
    ['/tmp/a"b$c`d\\e', '"/tmp/a\\"b\\$c\\`d\\\\e"'],
  ])('%s → %s', (arg, quoted) => {
    expect(quoteExecArg(arg)).toBe(quoted);
  });
});

describe('autostartEntry', () => {
  it('runs the program with --kiosk, quoting per the Desktop Entry spec', () => {
    const entry = autostartEntry('/home/desk/My Apps/Vigil 100%.AppImage', ['--kiosk']);
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Vigil\n');
    expect(entry).toContain('Exec="/home/desk/My Apps/Vigil 100%%.AppImage" --kiosk\n');
  });

  it('doubles the backslashes of a quoted argument (string unescaping runs first)', () => {
    expect(autostartEntry('/opt/a\\b c', [])).toContain('Exec="/opt/a\\\\\\\\b c"');
  });
});

describe('autostartPath', () => {
  it.each([
    [{}, '/home/desk/.config/autostart/vigil.desktop'],
    [{ XDG_CONFIG_HOME: '/srv/conf' }, '/srv/conf/autostart/vigil.desktop'],
    [{ XDG_CONFIG_HOME: 'relative' }, '/home/desk/.config/autostart/vigil.desktop'],
  ])('%j → %s', (env, path) => {
    expect(autostartPath(env, '/home/desk')).toBe(path);
  });
});

describe('autostartFile', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the entry (creating the folder) and removes it, also when already gone', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-autostart-'));
    const path = join(dir, 'autostart', 'vigil.desktop');
    const write = autostartFile(path);
    await write('[Desktop Entry]\n');
    await expect(readFile(path, 'utf8')).resolves.toBe('[Desktop Entry]\n');
    await write(undefined);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
    await expect(write(undefined)).resolves.toBeUndefined();
  });
});

describe('createStartAtLogin', () => {
  it.each(['win32', 'darwin'] as const)(
    'on %s sets the login item, with --kiosk in kiosk',
    async (platform) => {
      const app = new FakeLoginItems();
      const writeAutostart = vi.fn(() => Promise.resolve());
      const apply = createStartAtLogin({ app, platform, exec: 'C:\\Vigil\\Vigil.exe', writeAutostart });
      await apply(true, true);
      expect(app.loginItemSettings).toEqual({
        openAtLogin: true,
        path: 'C:\\Vigil\\Vigil.exe',
        args: ['--kiosk'],
      });
      await apply(false, false);
      expect(app.loginItemSettings).toEqual({ openAtLogin: false, path: 'C:\\Vigil\\Vigil.exe', args: [] });
      expect(writeAutostart).not.toHaveBeenCalled();
    },
  );

  it('on Linux writes or removes the XDG autostart entry', async () => {
    const app = new FakeLoginItems();
    const writeAutostart = vi.fn((_contents: string | undefined) => Promise.resolve());
    const apply = createStartAtLogin({ app, platform: 'linux', exec: '/opt/Vigil/vigil', writeAutostart });
    await apply(true, true);
    expect(writeAutostart).toHaveBeenLastCalledWith(
      expect.stringContaining('Exec=/opt/Vigil/vigil --kiosk\n'),
    );
    await apply(false, true);
    expect(writeAutostart).toHaveBeenLastCalledWith(undefined);
    expect(app.loginItemSettings).toEqual({});
  });
});
