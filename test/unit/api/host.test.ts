import { describe, expect, it } from 'vitest';

import { allowedHostSet, hostAllowed, isLoopback } from '../../../main/api/host';

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['203.0.113.10', false],
    ['127.0.0.1.evil.example', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});

describe('hostAllowed', () => {
  const loopback = allowedHostSet({ host: '127.0.0.1', port: 3000 });
  it.each([
    ['127.0.0.1:3000', true],
    ['127.0.0.1', true],
    ['localhost:3000', true],
    ['LOCALHOST:3000', true],
    ['[::1]:3000', true],
    ['[::1]', true],
    ['localhost:3001', false],
    ['evil.example', false],
    ['evil.example:3000', false],
    ['127.0.0.1.evil.example:3000', false],
    ['localhost.:3000', false],
    ['', false],
    [undefined, false],
  ])('loopback bind: %j → %s', (host, ok) => {
    expect(hostAllowed(host, loopback)).toBe(ok);
  });

  it('accepts the port the connection arrived on (a server bound to port 0)', () => {
    const set = allowedHostSet({ host: '127.0.0.1', port: 0 });
    expect(hostAllowed('127.0.0.1:54321', set, 54321)).toBe(true);
    expect(hostAllowed('127.0.0.1:54322', set, 54321)).toBe(false);
    expect(hostAllowed('evil.example:54321', set, 54321)).toBe(false);
  });

  it('does not add loopback names for a LAN bind, but takes extra names', () => {
    const set = allowedHostSet({ host: '203.0.113.10', port: 3000 }, ['Vigil.LAN']);
    expect(hostAllowed('203.0.113.10:3000', set)).toBe(true);
    expect(hostAllowed('vigil.lan', set)).toBe(true);
    expect(hostAllowed('vigil.lan:3000', set)).toBe(true);
    expect(hostAllowed('localhost:3000', set)).toBe(false);
  });

  it('writes an IPv6 bind host in brackets', () => {
    const set = allowedHostSet({ host: '::1', port: 3000 });
    expect(hostAllowed('[::1]:3000', set)).toBe(true);
    expect(hostAllowed('localhost:3000', set)).toBe(true);
  });
});
