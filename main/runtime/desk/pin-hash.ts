import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

import type { PinHash } from '../../store/desktop-settings';

/** A kiosk PIN as stored (its schema is the desktop settings'). */
export type { PinHash };

/** scrypt cost: N = 2^15, r = 8 (≈ 32 MiB, tens of milliseconds), the OWASP-recommended floor. */
export const PIN_SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;

const KEY_LENGTH = 32;

/** Whether `pin` is acceptable as a kiosk PIN: 4 to 12 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

function derive(pin: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes `pin` with a fresh 16-byte salt. */
export async function hashPin(
  pin: string,
  cost: { N: number; r: number; p: number } = PIN_SCRYPT_COST,
): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** Whether `pin` matches `stored`, compared in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
