// The alarm desk's own settings, kept with localStorage: the sound's mute, the dedicated alarm wall and the
// mildest alarm that takes a wall over (shared by the walls of this browser or desktop app), and the operator's
// name (per wall window: a desk's windows can be watched by different people). Nothing secret.
import type { AlarmSeverity } from './alarm';
import { SEVERITIES } from './alarmQueue';

/** The desk's alarm settings. */
export interface DeskSettings {
  /** No sound cue for new alarms. */
  muted: boolean;
  /** The wall (by name) that puts alarm cameras on its hotspot; empty: every wall puts them on its own. */
  alarmWall: string;
  /** The mildest severity that takes a wall over (milder alarms only join the list). */
  takeover: AlarmSeverity;
}

/** The settings before anyone changed them. */
export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  muted: false,
  alarmWall: '',
  takeover: 'info',
};

/** The longest operator or wall name the desk keeps. */
export const NAME_MAX = 64;

const KEY = 'vigil.desk.alarms';
const OPERATOR_KEY = 'vigil.desk.operator';

/** The part of Storage the settings use (tests pass a Map-backed fake). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage when the page has it (not under server rendering, not when storage is blocked). */
export function pageStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Control characters and runs of white space. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BREAKS = /[\s\u0000-\u001f\u007f]+/g;

/** A name as kept: one line (control characters and runs of spaces become one space), trimmed, NAME_MAX long at most. */
export function cleanName(name: string): string {
  return name.replace(BREAKS, ' ').trim().slice(0, NAME_MAX).trim();
}

/** The settings saved in `storage`; a missing, damaged or foreign value falls back to the default. */
export function readDeskSettings(storage: SettingsStorage | null = pageStorage()): DeskSettings {
  let saved: Partial<Record<keyof DeskSettings, unknown>> = {};
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? '{}') as unknown;
    if (typeof parsed === 'object' && parsed !== null) saved = parsed;
  } catch {
    // A damaged value: the defaults.
  }
  const text = (value: unknown): string => (typeof value === 'string' ? cleanName(value) : '');
  return {
    muted: saved.muted === true,
    alarmWall: text(saved.alarmWall),
    takeover: SEVERITIES.find((s) => s === saved.takeover) ?? DEFAULT_DESK_SETTINGS.takeover,
  };
}

/** Saves the settings (best effort: a browser that refuses storage keeps them for this page only). */
export function writeDeskSettings(
  settings: DeskSettings,
  storage: SettingsStorage | null = pageStorage(),
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or refused: the settings still hold for this page.
  }
}

/** The storage key of the operator's name for a wall window (`?wall=`), or for the page when it has none. */
function operatorKey(wall: string | null): string {
  return wall === null ? OPERATOR_KEY : `${OPERATOR_KEY}.${wall}`;
}

/** The name of the operator at this wall window, empty until the desk asked for it. */
export function readOperator(wall: string | null, storage: SettingsStorage | null = pageStorage()): string {
  try {
    return cleanName(storage?.getItem(operatorKey(wall)) ?? '');
  } catch {
    return '';
  }
}

/** Remembers the operator's name for this wall window (best effort, like the settings). */
export function writeOperator(
  wall: string | null,
  name: string,
  storage: SettingsStorage | null = pageStorage(),
): void {
  try {
    storage?.setItem(operatorKey(wall), cleanName(name));
  } catch {
    // Storage full or refused: the name still holds for this page.
  }
}

const WALL_NAME_KEY = 'vigil.desk.wall-name';

/** The name a desktop wall window was given (kept per window key: its display), empty when it has none. */
export function readWallName(
  windowKey: string | null,
  storage: SettingsStorage | null = pageStorage(),
): string {
  try {
    return cleanName(storage?.getItem(`${WALL_NAME_KEY}.${windowKey ?? ''}`) ?? '');
  } catch {
    return '';
  }
}

/** Remembers a desktop wall window's name (empty: none). */
export function writeWallName(
  windowKey: string | null,
  name: string,
  storage: SettingsStorage | null = pageStorage(),
): void {
  try {
    storage?.setItem(`${WALL_NAME_KEY}.${windowKey ?? ''}`, cleanName(name));
  } catch {
    // Storage full or refused: the name still holds for this page.
  }
}
