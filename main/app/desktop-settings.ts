// The desktop app's own settings (`<userData>/desktop.json`, conf, 0600, atomic writes): Janus source, kiosk,
// start at login, the REST API port, and the wall windows' per-display state. Checked when opened exactly like
// the camera store: a damaged file is copied aside and the app stops instead of starting without it.
import { join } from 'node:path';

import { Type, type Static } from 'typebox';

import { JanusMode } from '../../common/desktop';
import {
  STORE_FILE_MODE,
  confBackend,
  readStoreFile,
  storeCorrupt,
  type StoreBackend,
  type StoreBackendFactory,
} from '../store/camera-store';
import { schemaProblem } from '../store/stored-camera';
import { PinHash } from '../runtime/desk/pin-hash';

/** The settings file inside the data folder. */
export const DESKTOP_SETTINGS_FILE = 'desktop.json';
/** The port the desktop app's REST API listens on by default (loopback only). */
export const DEFAULT_DESKTOP_API_PORT = 7100;

/** The stored settings. */
export const StoredDesktopSettings = Type.Object(
  {
    janus_mode: JanusMode,
    kiosk_enabled: Type.Boolean(),
    /** The kiosk PIN's salted scrypt hash, or null when no PIN was set. */
    kiosk_pin_hash: Type.Union([PinHash, Type.Null()]),
    start_at_login: Type.Boolean(),
    api_port: Type.Integer({ minimum: 1024, maximum: 65535 }),
  },
  { additionalProperties: false },
);

/** The stored settings' type. */
export type StoredDesktopSettings = Static<typeof StoredDesktopSettings>;

/**
 * Settings of a first start. Debian-family Linux has a `janus` package to run natively; macOS and Windows have
 * none, so the bundled Janus runs in Docker there.
 */
export function defaultDesktopSettings(platform: NodeJS.Platform): StoredDesktopSettings {
  return { ...DEFAULT_DESKTOP_SETTINGS, janus_mode: platform === 'linux' ? 'native' : 'container' };
}

/** Settings of a first start on Linux. */
export const DEFAULT_DESKTOP_SETTINGS: StoredDesktopSettings = {
  janus_mode: 'native',
  kiosk_enabled: false,
  kiosk_pin_hash: null,
  start_at_login: false,
  api_port: DEFAULT_DESKTOP_API_PORT,
};

/** The settings file: typed reads, validated writes, and a raw slot for the wall windows' state. */
export interface DesktopSettingsStore {
  /** The settings now. */
  get(): StoredDesktopSettings;
  /** Merges a change, validates the result, and writes it; resolves to the new settings. */
  update(change: Partial<StoredDesktopSettings>): StoredDesktopSettings;
  /** The wall windows' saved state (validated by its owner), or undefined. */
  wallState(): unknown;
  /** Saves the wall windows' state. */
  setWallState(state: unknown): void;
}

/**
 * Opens `<dataDir>/desktop.json`.
 * @example
 * const settings = openDesktopSettings({ dataDir: app.getPath('userData') });
 */
export function openDesktopSettings(options: {
  dataDir: string;
  platform?: NodeJS.Platform;
  backend?: StoreBackendFactory;
}): DesktopSettingsStore {
  const path = join(options.dataDir, DESKTOP_SETTINGS_FILE);
  const file = readStoreFile(path);
  const defaults = defaultDesktopSettings(options.platform ?? process.platform);
  const stored = { ...defaults, ...(file?.data.settings ?? {}) } as unknown;
  const problem = schemaProblem(StoredDesktopSettings, stored);
  if (problem !== undefined && file !== undefined) throw storeCorrupt(path, file.bytes, problem.text);
  const backend: StoreBackend = (options.backend ?? confBackend)({
    cwd: options.dataDir,
    configName: 'desktop',
    configFileMode: STORE_FILE_MODE,
    clearInvalidConfig: false,
    projectVersion: '1.0.0',
    migrations: {},
  });
  let settings = Object.freeze(stored as StoredDesktopSettings);
  return {
    get: () => settings,
    update(change) {
      const next = { ...settings, ...change };
      const invalid = schemaProblem(StoredDesktopSettings, next);
      if (invalid !== undefined) throw new TypeError(`desktop settings ${invalid.text}`);
      backend.set('settings', next);
      settings = Object.freeze(next);
      return settings;
    },
    wallState: () => backend.get('walls'),
    setWallState(state) {
      backend.set('walls', state);
    },
  };
}
