import { describe, expect, it } from 'vitest';

import { hashPin, isValidPin, verifyPin } from '../../../../main/runtime/desk/pin-hash';

/** Cheap scrypt cost so the tests stay fast; the default cost is tested once. */
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('isValidPin', () => {
  it.each([
    ['1234', true],
    ['123456789012', true],
    ['123', false],
    ['1234567890123', false],
    ['12a4', false],
    ['', false],
  ])('%s → %s', (pin, expected) => {
    expect(isValidPin(pin)).toBe(expected);
  });
});

describe('hashPin / verifyPin', () => {
  it('stores a salted scrypt hash, never the PIN, and verifies only the right PIN', async () => {
    const stored = await hashPin('482916', CHEAP);
    expect(JSON.stringify(stored)).not.toContain('482916');
    expect(stored).toMatchObject({ algorithm: 'scrypt', N: 1024, r: 8, p: 1 });
    await expect(verifyPin('482916', stored)).resolves.toBe(true);
    await expect(verifyPin('482917', stored)).resolves.toBe(false);
    await expect(verifyPin('', stored)).resolves.toBe(false);
  });

  it('salts: the same PIN hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPin('1234', CHEAP), hashPin('1234', CHEAP)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('rejects a stored hash of the wrong length instead of comparing it', async () => {
    const stored = await hashPin('1234', CHEAP);
    await expect(
      verifyPin('1234', { ...stored, hash: Buffer.from('short').toString('base64') }),
    ).resolves.toBe(false);
  });

  it('works at the default cost', async () => {
    const stored = await hashPin('2468');
    expect(stored.N).toBe(2 ** 15);
    await expect(verifyPin('2468', stored)).resolves.toBe(true);
  });
});
