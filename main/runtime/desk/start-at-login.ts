// Start at login for the desk: the OS's login item (macOS, Windows), or an XDG autostart entry on Linux, where
// Electron has no login items; `--kiosk` rides along when the desk runs in kiosk.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { PRODUCT_NAME } from '../../../common/product';

/** The command line flag that starts Vigil in kiosk mode. */
export const KIOSK_FLAG = '--kiosk';

/** Whether the command line asks for kiosk mode. */
export function hasKioskFlag(argv: readonly string[]): boolean {
  return argv.includes(KIOSK_FLAG);
}

/** Quotes one argument of a desktop entry's `Exec` key (freedesktop Desktop Entry spec, "The Exec key"). */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_\-./=:,+@]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** An XDG autostart entry (`~/.config/autostart/vigil.desktop`) that runs `exec` with `args`. */
export function autostartEntry(exec: string, args: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${PRODUCT_NAME}`,
    // The spec unescapes string values (\\ → \) before it unquotes arguments, and reserves % for field codes.
    `Exec=${[exec, ...args].map(quoteExecArg).join(' ').replace(/\\/g, '\\\\').replace(/%/g, '%%')}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n');
}

/** Where the XDG autostart entry lives: `$XDG_CONFIG_HOME/autostart/vigil.desktop` (default `~/.config`). */
export function autostartPath(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart', `${PRODUCT_NAME.toLowerCase()}.desktop`);
}

/** Writes `contents` to the autostart file at `path`, or removes the file when `contents` is undefined. */
export function autostartFile(path: string): (contents: string | undefined) => Promise<void> {
  return async (contents) => {
    if (contents === undefined) {
      await rm(path, { force: true });
      return;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents, { mode: 0o644 });
  };
}

/** The OS's login items (Electron's `app` fits). */
export interface LoginItems {
  setLoginItemSettings(settings: { openAtLogin: boolean; path: string; args: string[] }): void;
}

/** What `createStartAtLogin` needs; on Linux (where Electron has no login items) an autostart file is written. */
export interface StartAtLoginDeps {
  app: LoginItems;
  platform: NodeJS.Platform;
  /** The program to start: `process.execPath`, or on Linux the AppImage (`process.env.APPIMAGE`) when set. */
  exec: string;
  /** Linux: writes or (with `undefined`) removes the autostart file. */
  writeAutostart: (contents: string | undefined) => Promise<void>;
}

/** Turns start-at-login on or off, passing `--kiosk` when the desk runs in kiosk. */
export function createStartAtLogin(
  deps: StartAtLoginDeps,
): (enabled: boolean, kiosk: boolean) => Promise<void> {
  return async (enabled, kiosk) => {
    const args = kiosk ? [KIOSK_FLAG] : [];
    if (deps.platform === 'linux') {
      await deps.writeAutostart(enabled ? autostartEntry(deps.exec, args) : undefined);
      return;
    }
    // Windows honours path and args; macOS ignores args (the kiosk setting, not the flag, applies there).
    deps.app.setLoginItemSettings({ openAtLogin: enabled, path: deps.exec, args });
  };
}
