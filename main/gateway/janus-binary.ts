// Finds the bundled Janus: its binary (option, VIGIL_JANUS_BIN, PATH, /usr/bin/janus) and the folder that
// holds its plugins/ and transports/ (Debian's multiarch folder, then the usual source-install folders).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

import { JanusNotFoundError } from './errors';

/** Folders that may hold Janus's plugins/ and transports/, in the order they are tried. */
export const JANUS_LIB_DIRS = [
  '/usr/lib/x86_64-linux-gnu/janus',
  '/usr/lib/aarch64-linux-gnu/janus',
  '/usr/lib/janus',
  '/opt/janus/lib/janus',
] as const;

/** Where Debian's package installs the binary; tried when PATH has none. */
export const JANUS_DEFAULT_BINARY = '/usr/bin/janus';

const INSTALL_HINT =
  'Install it: `sudo apt-get install janus` (Debian 12 / Ubuntu), or point Vigil at a Janus you run ' +
  'elsewhere: `vigil serve --janus-http-url … --janus-ws-url … --janus-admin-url …` (see the README, "Bundled ' +
  'or remote Janus"). The desktop app will also offer a Janus container.';

/** Where to look: an explicit binary, the environment (VIGIL_JANUS_BIN, PATH), folders to try. */
export interface JanusLookup {
  /** A binary the user named (option or flag); used as given, never replaced by another. */
  binary?: string | undefined;
  /** A lib folder the user named (holding plugins/ and transports/). */
  libDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Lib folders to try (default JANUS_LIB_DIRS). */
  libDirs?: readonly string[];
  /** Binary tried after PATH (default /usr/bin/janus). */
  fallbackBinary?: string;
}

/** The Janus binary's absolute path; throws JanusNotFoundError with install instructions. */
export function findJanusBinary(lookup: JanusLookup = {}): string {
  const env = lookup.env ?? process.env;
  if (lookup.binary !== undefined)
    return requireExecutable(lookup.binary, 'the Janus binary Vigil was given');
  const fromEnv = env.VIGIL_JANUS_BIN;
  if (fromEnv !== undefined && fromEnv !== '') return requireExecutable(fromEnv, 'VIGIL_JANUS_BIN');
  const candidates = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => isAbsolute(dir))
    .map((dir) => join(dir, 'janus'));
  candidates.push(lookup.fallbackBinary ?? JANUS_DEFAULT_BINARY);
  const found = candidates.find(isExecutableFile);
  if (found !== undefined) return found;
  throw new JanusNotFoundError(`Vigil's bundled Janus needs the janus binary (not on PATH). ${INSTALL_HINT}`);
}

/** The folder holding Janus's plugins/ and transports/; throws JanusNotFoundError when none has them. */
export function findJanusLibDir(lookup: JanusLookup = {}): string {
  const dirs = lookup.libDir === undefined ? (lookup.libDirs ?? JANUS_LIB_DIRS) : [lookup.libDir];
  const found = dirs.find((dir) => isDirectory(join(dir, 'plugins')) && isDirectory(join(dir, 'transports')));
  if (found !== undefined) return found;
  throw new JanusNotFoundError(
    `Vigil's bundled Janus needs Janus's plugins and transports (looked in ${dirs.join(', ')}). ${INSTALL_HINT}`,
  );
}

function requireExecutable(path: string, what: string): string {
  if (isExecutableFile(path)) return path;
  throw new JanusNotFoundError(`${what} (${path}) is not an executable file. ${INSTALL_HINT}`);
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
