import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { StoreCorruptError } from '../../../main/store/store-errors';
import { DEFAULT_DESKTOP_SETTINGS, openDesktopSettings } from '../../../main/store/desktop-settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-desktop-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('openDesktopSettings', () => {
  it('starts with defaults and keeps changes across a reopen', () => {
    const first = openDesktopSettings({ dataDir, platform: 'linux' });
    expect(first.get()).toEqual(DEFAULT_DESKTOP_SETTINGS);
    first.update({ kiosk_enabled: true, janus_mode: 'container' });
    first.setWallState([{ display: '21', view_id: 'lobby' }]);
    const second = openDesktopSettings({ dataDir });
    expect(second.get()).toMatchObject({
      kiosk_enabled: true,
      janus_mode: 'container',
    });
    expect(second.wallState()).toEqual([{ display: '21', view_id: 'lobby' }]);
  });

  it.each([
    ['linux', 'native'],
    ['darwin', 'container'],
    ['win32', 'container'],
  ] as const)('runs the bundled Janus on %s as %s by default', (platform, mode) => {
    expect(openDesktopSettings({ dataDir, platform }).get().janus_mode).toBe(mode);
  });

  it('refuses an invalid change and keeps the old settings', () => {
    const settings = openDesktopSettings({ dataDir });
    expect(() => settings.update({ api_port: 80 })).toThrow(/api_port/);
    expect(openDesktopSettings({ dataDir }).get().api_port).toBe(DEFAULT_DESKTOP_SETTINGS.api_port);
  });

  it('stops on a damaged file after copying it aside, leaving it untouched', async () => {
    const file = join(dataDir, 'desktop.json');
    await writeFile(file, JSON.stringify({ settings: { janus_mode: 'docker' } }));
    expect(() => openDesktopSettings({ dataDir })).toThrow(StoreCorruptError);
    expect(await readFile(file, 'utf8')).toContain('docker');
    expect((await readdir(dataDir)).some((name) => name.startsWith('desktop.json.corrupt-'))).toBe(true);
  });
});
