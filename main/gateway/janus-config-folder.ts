// Writes a runnable Janus config folder: the four rendered files (0600), fresh secrets, and plugins/ and
// transports/ folders that link only the streaming plugin and the transports in use. Run Janus on it with
// `janus -C <dir>/janus.jcfg -F <dir>`.
import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  JANUS_CONFIG_FILES,
  JANUS_CONFIG_SUBFOLDERS,
  JanusConfigError,
  janusUrls,
  renderJanusConfig,
  transportsInUse,
  type JanusConfigFiles,
  type JanusConfigOptions,
  type JanusListeners,
  type JanusSecrets,
  type JanusUrls,
} from './janus-config';

/** Where Debian's janus package installs plugins/ and transports/. */
export const DEBIAN_JANUS_LIB_DIR = '/usr/lib/x86_64-linux-gnu/janus';

/** The repository's config/ folder with the .jcfg templates. */
export const JANUS_TEMPLATES_DIR = fileURLToPath(new URL('../../config/', import.meta.url));

/** The only plugin Vigil loads. */
export const STREAMING_PLUGIN = 'libjanus_streaming.so';

/** Options for a config folder; secrets are generated, `apiSecret` says whether to generate one. */
export type JanusConfigFolderOptions<L extends JanusListeners> = Omit<JanusConfigOptions<L>, 'secrets'> & {
  apiSecret: boolean;
  /** Folder holding Janus's plugins/ and transports/ (default: Debian's). */
  libDir?: string;
  /** Folder holding the four .jcfg templates (default: the repository's config/). */
  templatesDir?: string;
};

/** A written config folder: what to run and how to reach and authenticate to it. */
export interface JanusConfigFolder<L extends JanusListeners> {
  dir: string;
  configFile: string;
  secrets: JanusSecrets;
  urls: JanusUrls<L>;
}

/** The main config file in a config folder (`janus -C <it> -F <dir>`). */
export function configFileIn(dir: string): string {
  return join(dir, 'janus.jcfg');
}

/** A random url-safe secret (24 random bytes, base64url: 32 characters). */
export function generateSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Reads the four .jcfg templates from `templatesDir`. */
export async function readJanusTemplates(templatesDir = JANUS_TEMPLATES_DIR): Promise<JanusConfigFiles> {
  const files = {} as JanusConfigFiles;
  for (const name of JANUS_CONFIG_FILES) files[name] = await readFile(join(templatesDir, name), 'utf8');
  return files;
}

/** Fresh secrets for one Janus: admin secret, streaming admin key and, if asked, an API secret. */
export function generateJanusSecrets(apiSecret: boolean): JanusSecrets {
  return {
    ...(apiSecret ? { apiSecret: generateSecret() } : {}),
    adminSecret: generateSecret(),
    streamingAdminKey: generateSecret(),
  };
}

/** Writes the four rendered files into `dir` (created with mode 0700; files 0600), replacing what was there. */
export async function writeJanusConfigFiles(dir: string, files: JanusConfigFiles): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  for (const sub of Object.values(JANUS_CONFIG_SUBFOLDERS))
    await rm(join(dir, sub), { recursive: true, force: true });
  for (const name of JANUS_CONFIG_FILES) {
    await writeFile(join(dir, name), files[name], { mode: 0o600 });
    await chmod(join(dir, name), 0o600);
  }
}

/** Creates (or rewrites) `options.dir` (mode 0700) as a runnable Janus config folder with fresh secrets. */
export async function writeJanusConfigFolder<L extends JanusListeners>(
  options: JanusConfigFolderOptions<L>,
): Promise<JanusConfigFolder<L>> {
  const { apiSecret, libDir = DEBIAN_JANUS_LIB_DIR, templatesDir, ...rest } = options;
  const secrets = generateJanusSecrets(apiSecret);
  const files = renderJanusConfig({ ...rest, secrets }, await readJanusTemplates(templatesDir));

  const { dir } = options;
  await writeJanusConfigFiles(dir, files);
  await linkSharedObjects(join(libDir, 'plugins'), join(dir, JANUS_CONFIG_SUBFOLDERS.plugins), [
    STREAMING_PLUGIN,
  ]);
  await linkSharedObjects(
    join(libDir, 'transports'),
    join(dir, JANUS_CONFIG_SUBFOLDERS.transports),
    transportsInUse(options.listeners),
  );
  await mkdir(join(dir, JANUS_CONFIG_SUBFOLDERS.loggers), { mode: 0o700 });

  return { dir, configFile: configFileIn(dir), secrets, urls: janusUrls(options.listeners) };
}

async function linkSharedObjects(fromDir: string, toDir: string, names: readonly string[]): Promise<void> {
  await mkdir(toDir, { mode: 0o700 });
  for (const name of names) {
    const target = join(fromDir, name);
    try {
      await access(target);
    } catch (error) {
      throw new JanusConfigError(
        `Janus module ${target} is missing: install Debian's janus package or pass libDir`,
        { cause: error },
      );
    }
    await symlink(target, join(toDir, name));
  }
}
