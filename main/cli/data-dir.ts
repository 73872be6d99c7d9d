// Where the station keeps its files: --data-dir, else VIGIL_DATA_DIR, else $XDG_DATA_HOME/vigil, else
// ~/.local/share/vigil. Created owner-only (0700): it holds the camera store, the key file and API keys.
import { chmod, mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

import { CliError } from './cli-error';

/** The data folder for a `--data-dir` value (maybe absent) and an environment. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (flag !== undefined && flag !== '') return resolve(flag);
  const fromEnv = env.VIGIL_DATA_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'vigil');
  return join(home, '.local', 'share', 'vigil');
}

/** Creates the data folder (0700) if needed; an existing folder is tightened to 0700. */
export async function ensureDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await stat(dir);
    if (!info.isDirectory())
      throw new CliError(`The data folder ${dir} is not a folder. Pass --data-dir DIR.`);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(dir, 0o700);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new CliError(
      `Cannot use the data folder ${dir} (${code}). Create it for the station's user or pass --data-dir DIR.`,
      { cause: error },
    );
  }
}
