// Camera passwords at rest in the desktop app: Electron's safeStorage (async API) when the OS offers a real
// secret store (Keychain, DPAPI, libsecret, KWallet). On Linux without one safeStorage falls back to
// `basic_text`, a hard-coded key: then we keep the key-file cipher (0600 key in the data folder) and the
// settings page says so. Values sealed by either stay readable: the prefix says which cipher sealed them.
import type { SafeStorage } from 'electron';

import type { SecretStorageStatus } from '../../common/desktop';
import { createKeyFileCipher, SecretCipherError, type SecretCipher } from '../store/secret-cipher';

const SAFE_STORAGE_PREFIX = 'ss1.';

/** The cipher the desktop app seals with, and what the settings page tells the operator about it. */
export interface DesktopCipher {
  cipher: SecretCipher;
  status: SecretStorageStatus;
}

/** What the cipher needs from Electron and the host. */
export interface DesktopCipherDeps {
  safeStorage: Pick<
    SafeStorage,
    'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'
  >;
  platform: NodeJS.Platform;
  /** The data folder (where the key file lives when the key-file cipher is used). */
  dataDir: string;
}

/** The storage backend's name: Linux reports its password manager; macOS and Windows always have one. */
function backendName(deps: DesktopCipherDeps): string {
  if (deps.platform === 'darwin') return 'keychain';
  if (deps.platform === 'win32') return 'dpapi';
  return deps.safeStorage.getSelectedStorageBackend();
}

/**
 * Chooses safeStorage or the key file (call after `app` is ready).
 * @example
 * const { cipher, status } = await createDesktopCipher({ safeStorage, platform: process.platform, dataDir });
 */
export async function createDesktopCipher(deps: DesktopCipherDeps): Promise<DesktopCipher> {
  const backend = backendName(deps);
  const available = await deps.safeStorage.isAsyncEncryptionAvailable();
  const protectedByOs = available && backend !== 'basic_text' && backend !== 'unknown';
  let keyFile: Promise<SecretCipher> | undefined;
  const keyFileCipher = (): Promise<SecretCipher> => (keyFile ??= createKeyFileCipher(deps.dataDir));
  const cipher: SecretCipher = {
    kind: protectedByOs ? 'safe-storage' : 'keyfile',
    async encrypt(plain) {
      if (!protectedByOs) return (await keyFileCipher()).encrypt(plain);
      const sealed = await deps.safeStorage.encryptStringAsync(plain);
      return `${SAFE_STORAGE_PREFIX}${sealed.toString('base64url')}`;
    },
    async decrypt(sealed) {
      if (!sealed.startsWith(SAFE_STORAGE_PREFIX)) return (await keyFileCipher()).decrypt(sealed);
      if (!available) {
        throw new SecretCipherError(
          'This secret was sealed with the OS secret store, which is not available now',
        );
      }
      try {
        const opened = await deps.safeStorage.decryptStringAsync(
          Buffer.from(sealed.slice(SAFE_STORAGE_PREFIX.length), 'base64url'),
        );
        return opened.result;
      } catch (error) {
        throw new SecretCipherError('The OS secret store could not open this secret', { cause: error });
      }
    },
  };
  return { cipher, status: statusFor(backend, protectedByOs) };
}

function statusFor(backend: string, protectedByOs: boolean): SecretStorageStatus {
  if (protectedByOs) {
    return {
      backend,
      protected: true,
      note: `Camera passwords are encrypted by the OS secret store (${backend}).`,
    };
  }
  return {
    backend,
    protected: false,
    note:
      `This desktop offers no OS secret store (${backend}), so camera passwords are encrypted with a key file ` +
      'that only your user account can read (secret.key in the data folder). To use the OS store, run a ' +
      'GNOME Keyring or KWallet session and restart Vigil.',
  };
}
