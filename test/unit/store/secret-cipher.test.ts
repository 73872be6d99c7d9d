import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  KEY_FILE_NAME,
  KeyFileError,
  SecretCipherError,
  createKeyFileCipher,
} from '../../../main/store/secret-cipher';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-cipher-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Replaces the character at `index` of a base64url string with a different one. */
function flip(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('createKeyFileCipher', () => {
  it('round-trips secrets, including empty and non-ASCII ones', async () => {
    const cipher = await createKeyFileCipher(dataDir);
    expect(cipher.kind).toBe('keyfile');
    for (const plain of ['hunter2', '', 'pässwörd ✓ 密码', 'x'.repeat(256)]) {
      const sealed = await cipher.encrypt(plain);
      expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]*$/);
      if (plain !== '') expect(sealed).not.toContain(plain);
      await expect(cipher.decrypt(sealed)).resolves.toBe(plain);
    }
  });

  it('seals the same secret differently every time (random IV)', async () => {
    const cipher = await createKeyFileCipher(dataDir);
    expect(await cipher.encrypt('same')).not.toBe(await cipher.encrypt('same'));
  });

  it('creates a 32-byte key file with mode 0600 and reuses it on the next start', async () => {
    const first = await createKeyFileCipher(dataDir);
    const keyPath = join(dataDir, KEY_FILE_NAME);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath)).toHaveLength(32);
    const sealed = await first.encrypt('kept across restarts');
    const second = await createKeyFileCipher(dataDir);
    await expect(second.decrypt(sealed)).resolves.toBe('kept across restarts');
  });

  it('creates the data directory when it does not exist yet', async () => {
    const nested = join(dataDir, 'a', 'b');
    const cipher = await createKeyFileCipher(nested);
    await expect(cipher.decrypt(await cipher.encrypt('x'))).resolves.toBe('x');
  });

  it('agrees on one key when two stations start at once', async () => {
    const [a, b] = await Promise.all([createKeyFileCipher(dataDir), createKeyFileCipher(dataDir)]);
    await expect(b.decrypt(await a.encrypt('shared'))).resolves.toBe('shared');
  });

  it('refuses a key file other users can read, and says to chmod 600', async () => {
    await createKeyFileCipher(dataDir);
    const keyPath = join(dataDir, KEY_FILE_NAME);
    chmodSync(keyPath, 0o644);
    const error = await createKeyFileCipher(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyFileError);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_KEY_FILE', path: keyPath });
    expect((error as Error).message).toContain('mode 644');
    expect((error as Error).message).toContain(`chmod 600 '${keyPath}'`);
  });

  it('refuses a key file of the wrong size', async () => {
    writeFileSync(join(dataDir, KEY_FILE_NAME), Buffer.alloc(16), { mode: 0o600 });
    await expect(createKeyFileCipher(dataDir)).rejects.toThrow(/holds 16 bytes, not the 32/);
  });

  it('refuses tampered sealed secrets with a typed error, never garbage', async () => {
    const cipher = await createKeyFileCipher(dataDir);
    const sealed = await cipher.encrypt('do not alter me');
    const [version, iv, tag, ciphertext] = sealed.split('.') as [string, string, string, string];
    const tampered = [
      [version, iv, tag, flip(ciphertext, 0)].join('.'),
      [version, iv, flip(tag, 3), ciphertext].join('.'),
      [version, flip(iv, 2), tag, ciphertext].join('.'),
      [version, iv, tag, ciphertext.slice(0, -2)].join('.'),
      ['v2', iv, tag, ciphertext].join('.'),
      [version, iv, tag].join('.'),
      [version, iv, tag, `${ciphertext}!`].join('.'),
      'not sealed at all',
    ];
    for (const bad of tampered) {
      const error = await cipher.decrypt(bad).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(SecretCipherError);
      expect(error).toMatchObject({ code: 'VIGIL_ERR_SECRET_UNREADABLE' });
      expect((error as Error).message).not.toContain('do not alter me');
    }
  });

  it('uses a different key per data directory', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'vigil-cipher-other-'));
    try {
      const a = await createKeyFileCipher(dataDir);
      const b = await createKeyFileCipher(otherDir);
      expect(readFileSync(join(dataDir, KEY_FILE_NAME))).not.toEqual(
        readFileSync(join(otherDir, KEY_FILE_NAME)),
      );
      await expect(b.decrypt(await a.encrypt('station A only'))).rejects.toBeInstanceOf(SecretCipherError);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
