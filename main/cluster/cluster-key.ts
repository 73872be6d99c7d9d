// The cluster key: one 32-byte key file every station of a cluster is given (`vigil cluster init` makes it). It
// seals what is secret in NATS (camera passwords, mountpoint secrets) exactly as a station's own secret.key seals its
// files. A canary sealed in the `vigil_meta` bucket at the first start lets a station with another key refuse to
// start instead of writing records the others cannot open.
import type { KV } from '@nats-io/kv';

import { keyCipher, readKey, writeNewKeyFile, KeyFileError, type SecretCipher } from '../store/secret-cipher';
import { errnoOf } from '../store/store-errors';

/** The bucket of cluster-wide facts (the key canary). */
export const META_BUCKET = 'vigil_meta';
/** The canary's key in {@link META_BUCKET}. */
const CANARY_KEY = 'cluster_key_canary';
const CANARY_TEXT = 'vigil cluster key canary v1';

/**
 * Writes a new random cluster key to `path` (0600); refuses a file that exists, whose key may have sealed secrets.
 * @example
 * await initClusterKey('/etc/vigil/cluster.key');
 */
export async function initClusterKey(path: string): Promise<void> {
  try {
    await writeNewKeyFile(path);
  } catch (error) {
    const errno = errnoOf(error) ?? 'unknown error';
    if (errno === 'EEXIST') {
      throw new KeyFileError(
        path,
        `${path} already exists: it is not overwritten (the secrets it sealed would be lost). ` +
          'Give every station that file, or choose another path with --key-file.',
      );
    }
    throw new KeyFileError(path, `Cannot write the cluster key ${path} (${errno}).`, { cause: error });
  }
}

/**
 * The cipher of the cluster key in `path` (AES-256-GCM, as secret.key); throws a {@link KeyFileError} saying how
 * to fix an unreadable, too open or damaged file.
 */
export async function createClusterKeyCipher(path: string): Promise<SecretCipher> {
  return keyCipher(await readKey(path), 'cluster-key', `cluster key (${path})`);
}

/**
 * Checks the cluster key in `keyPath` against the canary in `meta`, sealing one when the cluster has none yet (its
 * first station). Throws a {@link KeyFileError} when the canary was sealed with another key.
 */
export async function checkClusterKey(meta: KV, cipher: SecretCipher, keyPath: string): Promise<void> {
  // Two tries: when another station seals the canary between our read and our create, the second read sees it.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const entry = await meta.get(CANARY_KEY);
    if (entry !== null && entry.operation === 'PUT') {
      const opened = await cipher.decrypt(entry.string()).catch(() => undefined);
      if (opened === CANARY_TEXT) return;
      throw new KeyFileError(
        keyPath,
        `The cluster key ${keyPath} differs from the cluster's: its records were sealed with another key. Give ` +
          'this station the same key file as the other stations (the one `vigil cluster init` wrote).',
      );
    }
    const created = await meta.create(CANARY_KEY, await cipher.encrypt(CANARY_TEXT)).catch(() => undefined);
    if (created !== undefined) return;
  }
  throw new KeyFileError(keyPath, 'The cluster key could not be checked: NATS refused to store its canary.');
}
