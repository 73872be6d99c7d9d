// The Janus container's config folder: the four files rendered for the paths Janus sees inside the container
// (the folder mounted read-only at /janus-config, the image's module folders), fresh secrets, written on the
// host with mode 0600 and readable by the user the container runs as.
import { chown, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { BundledListeners } from './bundled-config';
import { renderJanusConfig, type JanusConfigOptions, type JanusSecrets } from './janus-config';
import { generateJanusSecrets, readJanusTemplates, writeJanusConfigFiles } from './janus-config-folder';

/** Where the config folder is mounted inside the container. */
export const CONTAINER_CONFIG_DIR = '/janus-config';

/** The image's folder holding plugins/, transports/ and loggers/ (see resources/janus/Dockerfile). */
export const CONTAINER_MODULES_DIR = '/usr/local/lib/vigil-janus';

/** The uid and gid of the image's own `janus` user. */
export const IMAGE_JANUS_ID = 1000;

/** Who Janus runs as in the container, and whom the config files must belong to for that. */
export interface ContainerUser {
  /** Config.User (`uid:gid`); undefined: the image's `janus` user. */
  user: string | undefined;
  /** Hand the files to this owner (the station runs as root and Janus must not). */
  chownTo: { uid: number; gid: number } | undefined;
}

/**
 * Janus runs as the station's own user, who owns the 0600 files; never as root: a station running as root
 * hands the files to the image's `janus` user. Windows has no uids: the image's user, files as Docker
 * Desktop shares them.
 */
export function containerUser(uid: number | undefined, gid: number | undefined): ContainerUser {
  if (uid === undefined || gid === undefined) return { user: undefined, chownTo: undefined };
  if (uid === 0) {
    return {
      user: `${IMAGE_JANUS_ID}:${IMAGE_JANUS_ID}`,
      chownTo: { uid: IMAGE_JANUS_ID, gid: IMAGE_JANUS_ID },
    };
  }
  return { user: `${uid}:${gid}`, chownTo: undefined };
}

/** Renders the container's config with fresh secrets into `hostDir`; returns the secrets. */
export async function writeContainerConfig(
  hostDir: string,
  options: Omit<JanusConfigOptions<BundledListeners>, 'dir' | 'secrets'>,
  owner: ContainerUser,
  templatesDir?: string,
): Promise<JanusSecrets> {
  const secrets = generateJanusSecrets(true);
  const files = renderJanusConfig(
    { ...options, dir: CONTAINER_CONFIG_DIR, modulesDir: CONTAINER_MODULES_DIR, secrets },
    await readJanusTemplates(templatesDir),
  );
  await writeJanusConfigFiles(hostDir, files);
  const to = owner.chownTo;
  if (to !== undefined) {
    await chown(hostDir, to.uid, to.gid);
    for (const name of await readdir(hostDir)) await chown(join(hostDir, name), to.uid, to.gid);
  }
  return secrets;
}
