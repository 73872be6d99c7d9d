import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type * as ElectronStoreModule from 'electron-store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { electronStoreBackend, openDesktopStores } from '../../../main/app/desktop-stores';
import { openApiKeyStore } from '../../../main/store/api-keys';
import { openCameraStore } from '../../../main/store/camera-store';
import { openDesktopSettings } from '../../../main/store/desktop-settings';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import { openStationStores } from '../../../main/store/station-stores';
import type { StoreBackendFactory } from '../../../main/store/store-backend';
import { confBackend } from '../../../main/store/store-backend';
import { openViewStore } from '../../../main/store/view-store';

// electron-store takes `app`, `ipcMain` and `shell` from the electron module: here an app with the
// userData folder of the test, and an event emitter for ipcMain (electron-store registers one listener on it).
const electron = vi.hoisted(() => ({ userData: '', opened: [] as string[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  // Only what electron-store asks of `app`.
  class UserDataApp {
    getPath(name: string): string {
      if (name !== 'userData') throw new Error(`the stand-in has no "${name}" folder`);
      return electron.userData;
    }
    getVersion(): string {
      return '0.1.0';
    }
  }
  const module = { app: new UserDataApp(), ipcMain: new EventEmitter(), shell: {} };
  return { ...module, default: module };
});

// The real electron-store, recording each file it opens.
vi.mock('electron-store', async (importOriginal) => {
  const { default: ElectronStore } = await importOriginal<typeof ElectronStoreModule>();
  class RecordingStore extends ElectronStore<Record<string, unknown>> {
    constructor(options: ConstructorParameters<typeof ElectronStore<Record<string, unknown>>>[0]) {
      super(options);
      electron.opened.push(this.path);
    }
  }
  return { default: RecordingStore };
});

const folders: string[] = [];
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-desktop-stores-'));
  folders.push(dir);
  return dir;
};

beforeEach(() => {
  electron.userData = folder();
  electron.opened.length = 0;
});
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the desktop app on electron-store', () => {
  it('opens every store (desktop settings, cameras, views, API keys) on electron-store in userData', async () => {
    const { app, ipcMain } = await import('electron');
    const dataDir = app.getPath('userData');
    const { settings, storeBackend } = openDesktopStores(dataDir);
    const stores = await openStationStores({
      dataDir,
      storeBackend,
      logger: pino({ level: 'silent' }),
      cipher: await createKeyFileCipher(dataDir),
    });
    expect(electron.opened).toEqual(
      ['desktop.json', 'cameras.json', 'views.json', 'api-keys.json'].map((name) => join(dataDir, name)),
    );
    // electron-store itself ran: it answers its renderer-side helper on ipcMain.
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(1);
    settings.update({ kiosk_enabled: true });
    await stores.keys.create('portal', 'view');
    expect(openDesktopSettings({ dataDir }).get().kiosk_enabled).toBe(true);
    expect(openApiKeyStore(dataDir).list()).toHaveLength(1);
  });

  it('writes files byte-identical to conf for the same documents, version marker included', async () => {
    const written = async (backend: StoreBackendFactory): Promise<Map<string, string>> => {
      const dataDir = folder();
      // A file from before versions, so the engine records its version too.
      writeFileSync(
        join(dataDir, 'api-keys.json'),
        JSON.stringify({ keys: [KEY, { ...KEY, id: 'key_00000000000000ff' }] }),
      );
      const settings = openDesktopSettings({ dataDir, backend, platform: 'linux' });
      settings.update({ kiosk_enabled: true, api_port: 7200 });
      settings.setWallState([{ display: '21', view_id: 'lobby' }]);
      await openViewStore({ dataDir, backend }).insert(VIEW);
      const cameras = await openCameraStore({ dataDir, backend, cipher: await createKeyFileCipher(dataDir) });
      await cameras.insert(CAMERA);
      await openApiKeyStore(dataDir, backend).revoke(KEY.id);
      const names = ['desktop.json', 'views.json', 'cameras.json', 'api-keys.json'];
      return new Map(names.map((name) => [name, readFileSync(join(dataDir, name), 'utf8')]));
    };
    const byConf = await written(confBackend);
    const byElectronStore = await written(electronStoreBackend);
    expect(electron.opened).toHaveLength(4);
    expect(byElectronStore).toEqual(byConf);
    for (const text of byConf.values()) {
      expect(JSON.parse(text)).toMatchObject({ __internal__: { migrations: { version: '1.0.0' } } });
    }
  });
});

const AT = '2025-01-01T00:00:00.000Z';

const KEY = {
  id: 'key_0123456789abcdef',
  name: 'portal',
  scope: 'view',
  sha256: 'a'.repeat(64),
  created_at: AT,
};

const VIEW = {
  view_id: 'lobby',
  name: 'Lobby',
  layout: '2x2' as const,
  tiles: ['cam1', null, null, null],
  tour: null,
  created_at: AT,
  updated_at: AT,
};

const CAMERA = {
  camera_id: 'gate',
  name: 'Gate',
  rtsp_url: 'rtsp://127.0.0.7:554/gate',
  username: '',
  password_sealed: null,
  auth_method: 'digest' as const,
  description: '',
  enabled: true,
  substream_url: null,
  tags: [],
  mountpoint: { id: 1_234_567, secret_sealed: 'v1.sealed', pin: 'pin', revision: 1 },
  created_at: AT,
  updated_at: AT,
};
