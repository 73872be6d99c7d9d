import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BrowserSessions } from '../../../main/api/browser-sessions';
import { setupSessions, writeSignInUrl } from '../../../main/runtime/browser-signin';

let dataDir: string;
const logger = pino({ level: 'silent' });
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-signin-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('writeSignInUrl', () => {
  it('issues a live one-time link and writes it to signin-url (0600), replacing the last one', async () => {
    const sessions = new BrowserSessions();
    const first = await writeSignInUrl(dataDir, sessions, 'http://127.0.0.1:3000/');
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(first.file).toBe(join(dataDir, 'signin-url'));
    expect(readFileSync(first.file, 'utf8')).toBe(`${first.url}\n`);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const second = await writeSignInUrl(dataDir, sessions, 'http://127.0.0.1:3000');
    expect(readFileSync(first.file, 'utf8')).toBe(`${second.url}\n`);
    const token = new URL(first.url).searchParams.get('token') ?? '';
    expect(sessions.redeem(token)).toBeDefined();
    expect(sessions.redeem(token)).toBeUndefined();
  });
});

describe('setupSessions', () => {
  it('marks the cookie Secure only behind an https public URL', () => {
    expect(setupSessions(dataDir, undefined, logger).secureCookie).toBe(false);
    expect(setupSessions(dataDir, new URL('https://vigil.example.com'), logger).secureCookie).toBe(true);
  });

  it('keeps sessions in the data folder: a session opened before a restart still signs in after it', () => {
    const before = setupSessions(dataDir, undefined, logger);
    const id = before.redeem(before.issueToken().token) ?? '';
    expect(setupSessions(dataDir, undefined, logger).verify(id)?.scope).toBe('manage');
  });
});
