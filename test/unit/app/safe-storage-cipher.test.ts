import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SecretCipherError } from '../../../main/store/secret-cipher';
import { createDesktopCipher } from '../../../main/app/safe-storage-cipher';

/** safeStorage's async API over a reversible transform (the OS store is not what is under test). */
function fakeSafeStorage(backend: string, available = true) {
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend as 'basic_text',
    encryptStringAsync: (plain: string) => Promise.resolve(Buffer.from(`os:${plain}`).reverse()),
    decryptStringAsync: (sealed: Buffer) => {
      const text = Buffer.from(sealed).reverse().toString();
      if (!text.startsWith('os:')) return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({ result: text.slice(3), shouldReEncrypt: false });
    },
  };
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-cipher-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('createDesktopCipher', () => {
  it('uses the OS secret store when there is one, and makes no key file', async () => {
    const { cipher, status } = await createDesktopCipher({
      safeStorage: fakeSafeStorage('gnome_libsecret'),
      platform: 'linux',
      dataDir,
    });
    expect(cipher.kind).toBe('safe-storage');
    expect(status).toMatchObject({ backend: 'gnome_libsecret', protected: true });
    const sealed = await cipher.encrypt('hunter2');
    expect(sealed).toMatch(/^ss1\./);
    expect(sealed).not.toContain('hunter2');
    await expect(cipher.decrypt(sealed)).resolves.toBe('hunter2');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    ['darwin', 'keychain'],
    ['win32', 'dpapi'],
  ] as const)('names the store on %s', async (platform, backend) => {
    const { status } = await createDesktopCipher({
      safeStorage: fakeSafeStorage('unknown'),
      platform,
      dataDir,
    });
    expect(status).toMatchObject({ backend, protected: true });
  });

  it('says so, and keeps the key file, when Linux has only basic_text', async () => {
    const { cipher, status } = await createDesktopCipher({
      safeStorage: fakeSafeStorage('basic_text'),
      platform: 'linux',
      dataDir,
    });
    expect(cipher.kind).toBe('keyfile');
    expect(status.protected).toBe(false);
    expect(status.note).toMatch(/no OS secret store \(basic_text\).*key file/);
    const sealed = await cipher.encrypt('hunter2');
    expect(sealed).toMatch(/^v1\./);
    await expect(cipher.decrypt(sealed)).resolves.toBe('hunter2');
    expect(await readdir(dataDir)).toEqual(['secret.key']);
  });

  it('still opens passwords sealed by the key file after an OS store appears (no data lost)', async () => {
    const before = await createDesktopCipher({
      safeStorage: fakeSafeStorage('basic_text'),
      platform: 'linux',
      dataDir,
    });
    const old = await before.cipher.encrypt('old-password');
    const after = await createDesktopCipher({
      safeStorage: fakeSafeStorage('kwallet6'),
      platform: 'linux',
      dataDir,
    });
    await expect(after.cipher.decrypt(old)).resolves.toBe('old-password');
  });

  it('rejects with SecretCipherError when the OS store cannot open a secret, never with the secret', async () => {
    const { cipher } = await createDesktopCipher({
      safeStorage: fakeSafeStorage('kwallet6'),
      platform: 'linux',
      dataDir,
    });
    await expect(cipher.decrypt('ss1.AAAA')).rejects.toBeInstanceOf(SecretCipherError);
    const gone = await createDesktopCipher({
      safeStorage: fakeSafeStorage('kwallet6', false),
      platform: 'linux',
      dataDir,
    });
    await expect(gone.cipher.decrypt(await cipher.encrypt('x'))).rejects.toThrow(/not available now/);
  });
});
