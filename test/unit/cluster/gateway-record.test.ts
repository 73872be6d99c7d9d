import { describe, expect, it } from 'vitest';

import {
  checkGatewayCapacity,
  gatewayEndpointsOf,
  isGatewayLive,
  sealGatewaySecrets,
} from '../../../main/cluster/gateway-record';
import { gatewayRecord, wrapCipher } from './cluster-fakes';

describe('gateway records', () => {
  it.each([
    ['up, fresh', 'up', 0, true],
    ['up, 2.9 s old', 'up', 2_900, true],
    ['up, 3 s old (expired)', 'up', 3_000, false],
    ['down, fresh', 'down', 0, false],
  ] as const)('%s → live %s', (_, state, ageMs, live) => {
    expect(isGatewayLive({ state }, 10_000, 10_000 + ageMs)).toBe(live);
  });

  it('honours another TTL', () => {
    expect(isGatewayLive({ state: 'up' }, 0, 4_000, 5_000)).toBe(true);
  });

  it('seals the secrets (never plaintext) and gives them back as endpoints', async () => {
    const secrets = { apiSecret: 'api', adminSecret: 'admin', streamingAdminKey: 'key' };
    const sealed = await sealGatewaySecrets(secrets, wrapCipher);
    const record = gatewayRecord('g1', { secrets_sealed: sealed, origin: 'http://127.0.0.1' });
    expect(await gatewayEndpointsOf(record, wrapCipher)).toEqual({
      urls: record.urls,
      secrets,
      origin: 'http://127.0.0.1',
    });
  });

  it.each([
    [{ weight: 0, maxCameras: 1, maxViewers: 1 }, /weight must be a number above 0, got 0/],
    [{ weight: 1, maxCameras: 1.5, maxViewers: 1 }, /max cameras must be a whole number ≥ 0, got 1.5/],
    [{ weight: 1, maxCameras: 1, maxViewers: -1 }, /max viewers must be a whole number ≥ 0, got -1/],
  ])('refuses a bad capacity %j, naming the field', (capacity, message) => {
    expect(() => {
      checkGatewayCapacity(capacity);
    }).toThrow(message);
  });
});
