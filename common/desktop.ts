import { Type, type Static } from 'typebox';

import { PIN_DIGITS } from './patterns';
import type { OperationMethods } from './operations';
import type { DesktopOperationName } from './operations/names';

/** Where the desktop app's Janus comes from; switching moves every mountpoint onto the new one. */
export const JanusMode = Type.Union([
  Type.Literal('native'),
  Type.Literal('container'),
  Type.Literal('remote'),
]);

/** A Janus source. */
export type JanusMode = Static<typeof JanusMode>;

/** The kiosk exit PIN: 4–12 digits. */
export const KioskPin = Type.String({ pattern: PIN_DIGITS.pattern, description: '4–12 digits' });

/** How camera passwords are sealed on this desk, said plainly for the settings page. */
export const SecretStorageStatus = Type.Object({
  /** Electron's safeStorage backend (`basic_text`, `gnome_libsecret`, `kwallet6`, `keychain`, `dpapi`, …). */
  backend: Type.String(),
  /** False when the OS offers no secret store and passwords would be sealed with a hard-coded key. */
  protected: Type.Boolean(),
  /** What the desk operator should know or do. */
  note: Type.String(),
});

/** The secret store's status. */
export type SecretStorageStatus = Static<typeof SecretStorageStatus>;

/** Desktop settings as the settings page shows them (the PIN itself never leaves main). */
export const DesktopSettings = Type.Object({
  janus_mode: JanusMode,
  kiosk: Type.Object({
    /** Kiosk on at start; it covers the displays that have walls (the Walls menu), else the primary one. */
    enabled: Type.Boolean(),
    pin_set: Type.Boolean(),
    /** Kiosk is on now: settings change only with the current PIN, and walls show no Settings button. */
    active: Type.Boolean(),
  }),
  start_at_login: Type.Boolean(),
  secret_storage: SecretStorageStatus,
  /** Where the local REST API for the VAS portal listens. */
  api_url: Type.String(),
});

/** The desktop settings. */
export type DesktopSettings = Static<typeof DesktopSettings>;

/**
 * A change to the desktop settings; `kiosk_pin` sets the PIN (write-only). While kiosk is on, every change also
 * needs `current_pin`, the kiosk PIN now (a wrong one counts toward the unlock backoff).
 */
export const DesktopSettingsPatch = Type.Object(
  {
    janus_mode: Type.Optional(JanusMode),
    kiosk_enabled: Type.Optional(Type.Boolean()),
    kiosk_pin: Type.Optional(KioskPin),
    start_at_login: Type.Optional(Type.Boolean()),
    current_pin: Type.Optional(KioskPin),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A settings change. */
export type DesktopSettingsPatch = Static<typeof DesktopSettingsPatch>;

/** What only the desktop app offers the renderer (besides StationApi): its settings and the kiosk exit. */
export type DesktopApi = OperationMethods<DesktopOperationName> & {
  /** Calls `listener` when the operator pressed the kiosk unlock chord; returns the unsubscribe function. */
  onKioskUnlockPrompt(listener: () => void): () => void;
  /** Calls `listener` whenever kiosk turns on (true) or off (false); returns the unsubscribe function. */
  onKioskChange(listener: (active: boolean) => void): () => void;
};
