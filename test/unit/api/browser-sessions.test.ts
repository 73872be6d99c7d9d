import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BrowserSessions } from '../../../main/api/browser-sessions';
import { memorySessionRecords, openSessionStore } from '../../../main/store/session-store';

let dataDir: string;
const logger = pino({ level: 'silent' });
const fileRecords = () => openSessionStore({ dataDir, logger }).records;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-browser-sessions-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const HOUR = 60 * 60_000;

describe('BrowserSessions', () => {
  it('redeems a token once, and not after it expired', () => {
    let now = 0;
    const sessions = new BrowserSessions({ tokenTtlMs: 1000, now: () => now });
    const first = sessions.issueToken();
    expect(first.expiresAt.getTime()).toBe(1000);
    expect(sessions.redeem(first.token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.redeem(first.token)).toBeUndefined();
    const late = sessions.issueToken();
    now = 1000;
    expect(sessions.redeem(late.token)).toBeUndefined();
    expect(sessions.redeem('made-up')).toBeUndefined();
  });

  it('keeps a session alive while it is used and ends it after the idle time or on logout', () => {
    let now = 0;
    const sessions = new BrowserSessions({ idleTtlMs: 1000, now: () => now });
    const id = sessions.redeem(sessions.issueToken().token) ?? '';
    now = 900;
    expect(sessions.verify(id)).toMatchObject({
      scope: 'manage',
      id: expect.stringMatching(/^session_/) as string,
    });
    now = 1800;
    expect(sessions.verify(id)).toBeDefined();
    now = 2800;
    expect(sessions.verify(id)).toBeUndefined();
    const other = sessions.redeem(sessions.issueToken().token) ?? '';
    sessions.end(other);
    expect(sessions.verify(other)).toBeUndefined();
  });

  it('never names the session id in its key id', () => {
    const sessions = new BrowserSessions();
    const id = sessions.redeem(sessions.issueToken().token) ?? '';
    expect(sessions.verify(id)?.id).not.toContain(id.slice(0, 8));
  });
});

describe('BrowserSessions on disk', () => {
  it('survive a restart: a session opened before is still valid on the same data folder', () => {
    const before = new BrowserSessions({ records: fileRecords() });
    const id = before.redeem(before.issueToken().token) ?? '';
    const after = new BrowserSessions({ records: fileRecords() });
    expect(after.verify(id)).toEqual(before.verify(id));
    expect(after.verify(id)?.scope).toBe('manage');
  });

  it('store only hashes: neither the session id nor the token is in the file', () => {
    const sessions = new BrowserSessions({ records: fileRecords() });
    const { token } = sessions.issueToken();
    const unused = sessions.issueToken().token;
    const id = sessions.redeem(token) ?? '';
    const file = readFileSync(join(dataDir, 'sessions.json'), 'utf8');
    for (const secret of [token, unused, id]) expect(file).not.toContain(secret);
    expect(JSON.parse(file)).toMatchObject({ sessions: [{}], tokens: [{}] });
  });

  it('redeem a token another process issued (vigil signin-link), once', () => {
    const station = new BrowserSessions({ records: fileRecords() });
    const { token } = new BrowserSessions({ records: fileRecords() }).issueToken();
    expect(station.redeem(token)).toBeDefined();
    expect(station.redeem(token)).toBeUndefined();
  });

  it('end after the absolute lifetime however busy, and tell listeners', () => {
    let now = 0;
    const sessions = new BrowserSessions({ idleTtlMs: 2 * HOUR, absoluteTtlMs: 24 * HOUR, now: () => now });
    const ended = vi.fn();
    sessions.onEnd(ended);
    const id = sessions.redeem(sessions.issueToken().token) ?? '';
    const keyId = sessions.verify(id)?.id;
    for (now = HOUR; now < 24 * HOUR; now += HOUR) expect(sessions.verify(id)).toBeDefined();
    now = 24 * HOUR;
    expect(sessions.verify(id)).toBeUndefined();
    expect(ended).toHaveBeenCalledExactlyOnceWith(keyId);
  });

  it('a session past its lifetime while the station was down is gone at the next start', () => {
    let now = 0;
    const before = new BrowserSessions({ records: fileRecords(), idleTtlMs: HOUR, now: () => now });
    const id = before.redeem(before.issueToken().token) ?? '';
    now = 2 * HOUR;
    const after = new BrowserSessions({ records: fileRecords(), idleTtlMs: HOUR, now: () => now });
    expect(after.verify(id)).toBeUndefined();
    expect(fileRecords().read().sessions).toEqual([]);
  });

  it('write the last use back at most every 5 minutes, and keep working when the disk refuses', () => {
    let now = 0;
    const memory = memorySessionRecords();
    const write = vi.spyOn(memory, 'write');
    const onWriteFailed = vi.fn();
    const sessions = new BrowserSessions({ records: memory, onWriteFailed, now: () => now });
    const id = sessions.redeem(sessions.issueToken().token) ?? '';
    write.mockClear();
    for (now = 1000; now < 5 * 60_000; now += 1000) sessions.verify(id);
    expect(write).not.toHaveBeenCalled();
    now = 5 * 60_000;
    sessions.verify(id);
    expect(write).toHaveBeenCalledTimes(1);
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    write.mockImplementation(() => {
      throw full;
    });
    now = 11 * 60_000;
    expect(sessions.verify(id)?.scope).toBe('manage');
    expect(onWriteFailed).toHaveBeenCalledExactlyOnceWith(full);
  });

  it('refuse a sign-in whose token cannot be spent on disk, and keep no session for it', () => {
    const memory = memorySessionRecords();
    const sessions = new BrowserSessions({ records: memory });
    const { token } = sessions.issueToken();
    vi.spyOn(memory, 'write').mockImplementation(() => {
      throw new Error('read-only file system');
    });
    expect(() => sessions.redeem(token)).toThrow(/read-only/);
  });
});

describe('BrowserSessions sharing records (cluster mode)', () => {
  it("a session opened on one station is good on another, and neither station's writes drop the other's", () => {
    let now = 0;
    const records = memorySessionRecords();
    const a = new BrowserSessions({ records, now: () => now });
    const b = new BrowserSessions({ records, now: () => now });
    const onA = a.redeem(a.issueToken().token) ?? '';
    const onB = b.redeem(b.issueToken().token) ?? '';
    expect(records.read().sessions).toHaveLength(2);
    expect(b.verify(onA)).toMatchObject({ scope: 'manage' });
    expect(a.verify(onB)).toMatchObject({ scope: 'manage' });
    a.end(onA);
    expect(records.read().sessions).toHaveLength(1);
    const third = new BrowserSessions({ records, now: () => now });
    expect(third.verify(onA)).toBeUndefined();
    expect(third.verify(onB)).toMatchObject({ scope: 'manage' });
    now += 13 * HOUR;
    expect(new BrowserSessions({ records, now: () => now }).verify(onB)).toBeUndefined();
  });
});
