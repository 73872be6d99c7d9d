import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { VigilError } from '../../../common/errors';
import type { View } from '../../../common/views';
import { StoreCorruptError } from '../../../main/store/store-errors';
import { VIEW_STORE_FILE, openViewStore } from '../../../main/store/view-store';

let dataDir: string;
let file: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-views-'));
  file = join(dataDir, VIEW_STORE_FILE);
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const AT = '2025-01-01T00:00:00.000Z';

function view(viewId: string, over: Partial<View> = {}): View {
  return {
    view_id: viewId,
    name: `View ${viewId}`,
    layout: '2x2',
    tiles: ['cam1', null, 'cam2', null],
    tour: null,
    created_at: AT,
    updated_at: AT,
    ...over,
  };
}

describe('openViewStore', () => {
  it('starts empty, persists inserts, replaces and removes in views.json (0600)', async () => {
    const store = openViewStore({ dataDir });
    expect(store.list()).toEqual([]);
    await store.insert(view('lobby'));
    await store.insert(
      view('gate', { layout: '1', tiles: ['cam3'], tour: { cameras: ['cam3', 'cam4'], interval_s: 10 } }),
    );
    await store.replace(view('lobby', { name: 'Lobby (north)' }));
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const reopened = openViewStore({ dataDir });
    expect(reopened.list().map((v) => v.view_id)).toEqual(['lobby', 'gate']);
    expect(reopened.get('lobby')?.name).toBe('Lobby (north)');
    expect(reopened.get('gate')?.tour).toEqual({ cameras: ['cam3', 'cam4'], interval_s: 10 });
    await reopened.remove('gate');
    expect(
      openViewStore({ dataDir })
        .list()
        .map((v) => v.view_id),
    ).toEqual(['lobby']);
  });

  it('hands out frozen records', async () => {
    const store = openViewStore({ dataDir });
    await store.insert(view('lobby'));
    const stored = store.get('lobby');
    expect(Object.isFrozen(stored)).toBe(true);
    expect(Object.isFrozen(stored?.tiles)).toBe(true);
  });

  it('refuses a taken id, unknown ids and records that do not fit the schema', async () => {
    const store = openViewStore({ dataDir });
    await store.insert(view('lobby'));
    await expect(store.insert(view('lobby'))).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VIEW_EXISTS', field: 'view_id' }),
    );
    await expect(store.replace(view('nope'))).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VIEW_NOT_FOUND', field: 'view_id' }),
    );
    await expect(store.remove('nope')).rejects.toThrow(VigilError);
    await expect(store.insert({ ...view('x'), extra: 1 } as View)).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VALIDATION' }),
    );
  });

  it('stops on a damaged file with a backup copy, leaving the file as it was', () => {
    const damaged = '{"views": [{"view_id": "lobby"}]}';
    writeFileSync(file, damaged);
    let caught: unknown;
    try {
      openViewStore({ dataDir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreCorruptError);
    const corrupt = caught as StoreCorruptError;
    expect(corrupt.problem).toMatch(/^view at entry 1 /);
    expect(readFileSync(corrupt.backupPath ?? '', 'utf8')).toBe(damaged);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });

  it('stops on bad JSON and on repeated ids', () => {
    writeFileSync(file, '{"views": [');
    expect(() => openViewStore({ dataDir })).toThrow(/bad JSON/);
    writeFileSync(file, JSON.stringify({ views: [view('a'), view('a')] }));
    expect(() => openViewStore({ dataDir })).toThrow(/repeats view_id "a"/);
  });
});
