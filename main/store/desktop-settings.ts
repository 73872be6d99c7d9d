// The desktop app's own settings (`<userData>/desktop.json`, 0600, atomic writes): Janus source, kiosk, start at
// login, the REST API port, the wall windows' per-display state, and the kiosk's wrong-PIN backoff. Checked when
// opened exactly like the camera store: a damaged file is copied aside and the app stops instead of starting
// without it.
import { Type, type Static } from 'typebox';

import { JanusMode } from '../../common/desktop';
import { openDocument, type DocumentOptions } from './document-store';
import { schemaProblem } from './record-checks';

/** The settings file inside the data folder. */
export const DESKTOP_SETTINGS_FILE = 'desktop.json';
/** The port the desktop app's REST API listens on by default (loopback only). */
export const DEFAULT_DESKTOP_API_PORT = 7100;

/** A kiosk PIN as stored: scrypt parameters, salt and hash (base64); never the PIN. */
export const PinHash = Type.Object({
  algorithm: Type.Literal('scrypt'),
  N: Type.Integer({ minimum: 2 }),
  r: Type.Integer({ minimum: 1 }),
  p: Type.Integer({ minimum: 1 }),
  salt: Type.String(),
  hash: Type.String(),
});

/** A stored PIN hash. */
export type PinHash = Static<typeof PinHash>;

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

/** desktop.json as a whole: the settings (missing ones take their defaults), the walls' state, the PIN backoff. */
const DesktopDocument = Type.Object({
  settings: Type.Partial(StoredDesktopSettings),
  walls: Type.Unknown(),
  kiosk_unlock: Type.Unknown(),
});

/** desktop.json's content. */
type DesktopDocument = { settings: StoredDesktopSettings; walls?: unknown; kiosk_unlock?: unknown };

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
  /** The kiosk's wrong-PIN backoff as saved (validated by its owner), or undefined. */
  unlockBackoff(): unknown;
  /** Saves the kiosk's wrong-PIN backoff. */
  setUnlockBackoff(state: unknown): void;
}

/**
 * Opens `<dataDir>/desktop.json`.
 * @example
 * const settings = openDesktopSettings({ dataDir: app.getPath('userData') });
 */
export function openDesktopSettings(
  options: DocumentOptions & { platform?: NodeJS.Platform },
): DesktopSettingsStore {
  const defaults = defaultDesktopSettings(options.platform ?? process.platform);
  const document = openDocument<DesktopDocument>(
    {
      name: 'desktop',
      schema: DesktopDocument,
      version: '1.0.0',
      check: (content) => {
        const settings = { ...defaults, ...(content.settings ?? {}) } as unknown;
        const problem = schemaProblem(StoredDesktopSettings, settings);
        if (problem !== undefined) return problem.text;
        return { ...content, settings: Object.freeze(settings as StoredDesktopSettings) };
      },
    },
    options,
  );
  return {
    get: () => document.read().settings,
    update(change) {
      const next = { ...document.read().settings, ...change };
      const invalid = schemaProblem(StoredDesktopSettings, next);
      if (invalid !== undefined) throw new TypeError(`desktop settings ${invalid.text}`);
      document.write({ settings: Object.freeze(next) });
      return document.read().settings;
    },
    wallState: () => document.read().walls,
    setWallState(state) {
      document.write({ walls: state });
    },
    unlockBackoff: () => document.read().kiosk_unlock,
    setUnlockBackoff(state) {
      document.write({ kiosk_unlock: state });
    },
  };
}
