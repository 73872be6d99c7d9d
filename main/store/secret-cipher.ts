import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';

import { errnoOf } from './store-errors';

/** Seals secrets at rest: a key file under plain Node, Electron's `safeStorage` inside the app. */
export interface SecretCipher {
  /** Which mechanism seals the secrets. */
  readonly kind: 'keyfile' | 'safe-storage' | 'cluster-key';
  /** Seals a secret into a printable string that is safe to store. */
  encrypt(plain: string): Promise<string>;
  /** Opens a sealed string; rejects with {@link SecretCipherError} when it was altered or sealed with another key. */
  decrypt(sealed: string): Promise<string>;
}

/** The key file's name inside the data directory. */
export const KEY_FILE_NAME = 'secret.key';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
// Binds the format version into the authentication tag, so a sealed string cannot be replayed under another format.
const AAD = Buffer.from('vigil-secret-v1');
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A sealed secret cannot be opened: malformed, altered, or sealed with a different key. Never carries the secret. */
export class SecretCipherError extends Error {
  override readonly name = 'SecretCipherError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_SECRET_UNREADABLE';
}

/** The key file is unusable (too open, wrong size, unreadable); `message` says how to fix it. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_KEY_FILE';

  constructor(
    /** The key file at fault. */
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The plain-Node cipher: AES-256-GCM with a random 32-byte key kept in `<dataDir>/secret.key` (mode 0600).
 * @example
 * const cipher = await createKeyFileCipher(dataDir);
 * const sealed = await cipher.encrypt('hunter2'); // 'v1.<iv>.<tag>.<ciphertext>'
 */
export async function createKeyFileCipher(dataDir: string): Promise<SecretCipher> {
  return keyCipher(await loadOrCreateKey(join(dataDir, KEY_FILE_NAME), dataDir), 'keyfile', KEY_FILE_NAME);
}

/** AES-256-GCM with `key` (32 bytes); `keyName` names the key in errors (e.g. `secret.key`, `the cluster key`). */
export function keyCipher(key: Buffer, kind: SecretCipher['kind'], keyName: string): SecretCipher {
  return {
    kind,
    // Built with `new Promise` so a failure rejects (as `safeStorage`'s async API does) instead of throwing.
    encrypt: (plain) =>
      new Promise((resolve) => {
        resolve(seal(key, plain));
      }),
    decrypt: (sealed) =>
      new Promise((resolve) => {
        resolve(unseal(key, sealed, keyName));
      }),
  };
}

/**
 * Writes a new random key to `path` (0600), refusing a file that exists (`EEXIST` from the exclusive create):
 * a key is never overwritten, since what it sealed would be lost.
 */
export async function writeNewKeyFile(path: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(KEY_BYTES));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path);
    throw error;
  }
  await handle.close();
}

function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

function unseal(key: Buffer, sealed: string, keyName: string): string {
  const parts = sealed.split('.');
  const [version, iv, tag, ciphertext] = parts;
  if (parts.length !== 4 || version !== VERSION || iv === undefined || tag === undefined) {
    throw new SecretCipherError(`Sealed secret is not in the ${VERSION} key-file format`);
  }
  if (![iv, tag].every((part) => BASE64URL.test(part)) || !/^[A-Za-z0-9_-]*$/.test(ciphertext ?? '')) {
    throw new SecretCipherError('Sealed secret is malformed (not base64url)');
  }
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new SecretCipherError('Sealed secret is malformed (wrong IV or tag length)');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes).setAAD(AAD).setAuthTag(tagBytes);
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext ?? '', 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new SecretCipherError(
      `Sealed secret failed authentication: it was altered, or sealed with a different ${keyName}`,
      { cause: error },
    );
  }
}

async function loadOrCreateKey(path: string, dataDir: string): Promise<Buffer> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // Exclusive create: two stations starting at once never both write a key; the loser reads the winner's.
    await writeNewKeyFile(path);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw keyFileFailure(path, error);
  }
  return readKey(path);
}

/** Reads a 32-byte key file, refusing one other users could read or of the wrong size (a {@link KeyFileError}). */
export async function readKey(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw keyFileFailure(path, error);
  }
  try {
    // Checked on the open handle, so the file cannot be swapped between the check and the read.
    const stat = await handle.stat();
    if (!stat.isFile()) throw new KeyFileError(path, `${path} is not a regular file. Remove it and restart.`);
    // Windows has no POSIX modes; there the data directory's ACL protects the key.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      throw new KeyFileError(
        path,
        `${path} has mode ${mode}: other users could read the key that protects the camera passwords. ` +
          `Restrict it with: chmod 600 '${path}' (and check who could have read it).`,
      );
    }
    const key = await handle.readFile();
    if (key.length !== KEY_BYTES) {
      throw new KeyFileError(
        path,
        `${path} holds ${key.length} bytes, not the ${KEY_BYTES} of a key; it is damaged or not a Vigil key. ` +
          'Restore it from a backup; a new key cannot open the passwords sealed with the old one.',
      );
    }
    return key;
  } finally {
    await handle.close();
  }
}

function keyFileFailure(path: string, error: unknown): KeyFileError {
  if (error instanceof KeyFileError) return error;
  const code = errnoOf(error) ?? 'unknown error';
  return new KeyFileError(
    path,
    `Cannot use the key file ${path} (${code}). The station's user needs to own it and read it (chmod 600).`,
    { cause: error },
  );
}
