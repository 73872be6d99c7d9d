import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SESSIONS_FILE, openSessionStore } from '../../../main/store/session-store';

let dataDir: string;
const logger = pino({ level: 'silent' });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-sessions-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const SESSION = {
  sha256: 'a'.repeat(64),
  created_at: '2026-01-01T00:00:00.000Z',
  last_seen_at: '2026-01-01T01:00:00.000Z',
};
const TOKEN = { sha256: 'b'.repeat(64), expires_at: '2026-01-01T00:10:00.000Z' };

describe('openSessionStore', () => {
  it('starts empty and keeps what is written in sessions.json (0600)', () => {
    const { records, reset } = openSessionStore({ dataDir, logger });
    expect(reset).toBeUndefined();
    expect(records.read()).toEqual({ sessions: [], tokens: [] });
    records.write({ sessions: [SESSION], tokens: [TOKEN] });
    expect(openSessionStore({ dataDir, logger }).records.read()).toEqual({
      sessions: [SESSION],
      tokens: [TOKEN],
    });
    expect(statSync(records.path).mode & 0o777).toBe(0o600);
  });

  it('sees what another process wrote (a sign-in link made by the CLI)', () => {
    const station = openSessionStore({ dataDir, logger }).records;
    expect(station.read().tokens).toEqual([]);
    openSessionStore({ dataDir, logger }).records.write({ sessions: [], tokens: [TOKEN] });
    expect(station.read().tokens).toEqual([TOKEN]);
  });

  it.each([
    ['bad JSON', '{"sessions": ['],
    ['a record with a wrong field', JSON.stringify({ sessions: [{ ...SESSION, sha256: 'x' }], tokens: [] })],
    ['a list that is not a list', JSON.stringify({ sessions: {}, tokens: [] })],
  ])('a damaged file (%s) is copied aside and the store starts empty, never a crash', (_why, content) => {
    writeFileSync(join(dataDir, SESSIONS_FILE), content, { mode: 0o600 });
    const { records, reset } = openSessionStore({ dataDir, logger });
    expect(records.read()).toEqual({ sessions: [], tokens: [] });
    expect(reset?.problem).toBeTruthy();
    expect(reset?.backupPath).toMatch(/sessions\.json\.corrupt-/);
    expect(readFileSync(reset?.backupPath ?? '', 'utf8')).toBe(content);
    records.write({ sessions: [SESSION], tokens: [] });
    expect(openSessionStore({ dataDir, logger }).records.read().sessions).toEqual([SESSION]);
    expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });
});
