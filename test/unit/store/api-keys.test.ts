import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  API_KEYS_FILE,
  MANAGE_KEY_FILE,
  openApiKeyStore,
  type ApiKeyStore,
} from '../../../main/store/api-keys';
import {
  LAST_USE_RESOLUTION_MS,
  LAST_USE_RETRY_MS,
  LAST_USE_WRITE_DELAY_MS,
} from '../../../main/store/key-last-use';
import { StoreCorruptError } from '../../../main/store/store-errors';
import { refusingBackend } from './refusing-backend';

let dataDir: string;
let file: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-keys-'));
  file = join(dataDir, API_KEYS_FILE);
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

const open = (): ApiKeyStore => openApiKeyStore(dataDir);

describe('ApiKeyStore', () => {
  it('creates keys per scope and verifies them to their id and scope', async () => {
    const keys = open();
    const manage = await keys.create('portal', 'manage');
    const view = await keys.create('wall', 'view');
    const alarm = await keys.create('vas', 'alarm');
    expect(manage.key).toMatch(/^vigil_manage_[\w-]{43}$/);
    expect(view.key).toMatch(/^vigil_view_[\w-]{43}$/);
    expect(alarm.key).toMatch(/^vigil_alarm_[\w-]{43}$/);
    expect(manage.id).not.toBe(view.id);
    expect(keys.verify(manage.key)).toEqual({ id: manage.id, scope: 'manage', name: 'portal' });
    expect(keys.verify(view.key)).toEqual({ id: view.id, scope: 'view', name: 'wall' });
    expect(keys.verify(alarm.key)).toEqual({ id: alarm.id, scope: 'alarm', name: 'vas' });
  });

  it('refuses unknown, altered, re-scoped and malformed keys', async () => {
    const keys = open();
    const { key } = await keys.create('portal', 'view');
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    for (const bad of [
      `${key.slice(0, -1)}${last}`,
      key.replace('vigil_view_', 'vigil_manage_'),
      `${key} `,
      '',
      'Bearer x',
      'vigil_admin_' + 'a'.repeat(43),
      `vigil_view_${'a'.repeat(43)}`,
    ]) {
      expect(keys.verify(bad), bad).toBeUndefined();
    }
  });

  it('lists keys without secrets or hashes, and revokes them', async () => {
    const keys = open();
    const { id, key } = await keys.create('portal', 'manage');
    expect(keys.list()).toEqual([
      { id, name: 'portal', scope: 'manage', created_at: expect.any(String) as string },
    ]);
    await keys.revoke(id);
    expect(keys.verify(key)).toBeUndefined();
    expect(keys.list()).toEqual([]);
    await expect(keys.revoke(id)).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_NOT_FOUND', field: 'id' }),
    );
  });

  it('refuses an empty or overlong name', async () => {
    const keys = open();
    for (const name of ['', 'n'.repeat(65)]) {
      await expect(keys.create(name, 'view')).rejects.toThrow(
        expect.objectContaining({ code: 'VIGIL_ERR_VALIDATION', field: 'name' }),
      );
    }
  });

  it('keeps only SHA-256 hashes on disk, in a 0600 file, and verifies after reopen', async () => {
    const { key } = await open().create('portal', 'manage');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice('vigil_manage_'.length));
    expect(text).toContain(createHash('sha256').update(key).digest('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(open().verify(key)).toMatchObject({ scope: 'manage' });
  });

  it('records last_used_at in the background, at most once a minute, never while verifying', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const keys = open();
    const { key } = await keys.create('portal', 'view');
    const written = statSync(file).mtimeMs;
    keys.verify(key);
    // Verifying wrote nothing; the use is written a few seconds later, in one write.
    expect(statSync(file).mtimeMs).toBe(written);
    expect(open().list()[0]?.last_used_at).toBeUndefined();
    await vi.advanceTimersByTimeAsync(LAST_USE_WRITE_DELAY_MS);
    expect(open().list()[0]?.last_used_at).toBe('2030-01-01T00:00:00.000Z');
    vi.setSystemTime(new Date('2030-01-01T00:00:30Z'));
    keys.verify(key);
    await vi.advanceTimersByTimeAsync(LAST_USE_WRITE_DELAY_MS);
    expect(open().list()[0]?.last_used_at).toBe('2030-01-01T00:00:00.000Z');
    vi.setSystemTime(new Date('2030-01-01T00:01:00Z'));
    keys.verify(key);
    await vi.advanceTimersByTimeAsync(LAST_USE_WRITE_DELAY_MS);
    expect(open().list()[0]?.last_used_at).toBe('2030-01-01T00:01:00.000Z');
  });

  it('keeps verifying keys when api-keys.json cannot be written, says so once, and writes once it can', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { key } = await open().create('portal', 'view');
    let full = true;
    const fullDisk = refusingBackend('ENOSPC', () => full);
    const failed = vi.fn();
    const keys = openApiKeyStore(dataDir, fullDisk, { onLastUseWriteFailed: failed });
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime(Date.now() + LAST_USE_RESOLUTION_MS);
      expect(keys.verify(key)).toMatchObject({ scope: 'view' });
      await vi.advanceTimersByTimeAsync(LAST_USE_RETRY_MS);
    }
    expect(failed).toHaveBeenCalledOnce();
    expect(failed.mock.calls[0]?.[0]).toMatchObject({ code: 'VIGIL_ERR_STORAGE_UNAVAILABLE' });
    expect(open().list()[0]?.last_used_at).toBeUndefined();
    full = false;
    await vi.advanceTimersByTimeAsync(LAST_USE_RETRY_MS);
    expect(open().list()[0]?.last_used_at).toEqual(expect.any(String));
  });

  it('stops on a damaged file instead of starting with no keys', () => {
    writeFileSync(file, '{"keys": [{"id": "key_0123456789abcdef", "name": "x"}]}');
    expect(() => open()).toThrow(StoreCorruptError);
    expect(() => open()).toThrow(/key at entry 1 must have required properties scope, sha256, created_at/);
  });
});

describe('ApiKeyStore.ensureManageKey', () => {
  const keyFile = (): string => join(dataDir, MANAGE_KEY_FILE);

  it('writes a working manage key to manage.key (0600) on first start', async () => {
    const keys = open();
    expect(await keys.ensureManageKey()).toBe(keyFile());
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    const written = readFileSync(keyFile(), 'utf8').trim();
    expect(keys.verify(written)).toMatchObject({ scope: 'manage' });
    expect(keys.list()).toEqual([expect.objectContaining({ name: 'initial manage key', scope: 'manage' })]);
  });

  it('is idempotent: same file, same key, no new key, also after reopen', async () => {
    await open().ensureManageKey();
    const before = readFileSync(keyFile(), 'utf8');
    const keys = open();
    expect(await keys.ensureManageKey()).toBe(keyFile());
    expect(await keys.ensureManageKey()).toBe(keyFile());
    expect(readFileSync(keyFile(), 'utf8')).toBe(before);
    expect(keys.list()).toHaveLength(1);
  });

  it('mints no other manage key when the operator removed the file', async () => {
    const keys = open();
    await keys.ensureManageKey();
    rmSync(keyFile());
    expect(await keys.ensureManageKey()).toBeUndefined();
    expect(keys.list()).toHaveLength(1);
  });

  it('replaces a file whose key was revoked once no manage key is left', async () => {
    const keys = open();
    await keys.ensureManageKey();
    const stale = readFileSync(keyFile(), 'utf8').trim();
    await keys.revoke(keys.list()[0]?.id ?? '');
    await keys.create('wall', 'view');
    expect(await keys.ensureManageKey()).toBe(keyFile());
    const fresh = readFileSync(keyFile(), 'utf8').trim();
    expect(fresh).not.toBe(stale);
    expect(keys.verify(fresh)).toMatchObject({ scope: 'manage' });
  });
});

describe('ApiKeyStore shared with `vigil keys` in another process', () => {
  it('sees keys created and revoked through another store on the same data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-keys-shared-'));
    try {
      const station = openApiKeyStore(dataDir);
      const initial = await station.create('station', 'manage');
      const cli = openApiKeyStore(dataDir);
      const added = await cli.create('portal', 'view');
      expect(station.verify(added.key)).toEqual({ id: added.id, scope: 'view', name: 'portal' });
      // The station's last-used write must not drop what the other process added.
      expect(station.verify(initial.key)?.scope).toBe('manage');
      expect(
        openApiKeyStore(dataDir)
          .list()
          .map((k) => k.id),
      ).toContain(added.id);
      await cli.revoke(added.id);
      expect(station.verify(added.key)).toBeUndefined();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
