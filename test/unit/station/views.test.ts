import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { LAYOUT_TILES, LAYOUTS } from '../../../common/views';
import { openViewStore } from '../../../main/store/view-store';
import { ViewService, tilesProblem } from '../../../main/station/views';

let dataDir: string;
let clock: number;
const service = (): ViewService =>
  new ViewService(openViewStore({ dataDir }), undefined, () => new Date(clock));

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-view-service-'));
  clock = Date.parse('2025-01-01T00:00:00.000Z');
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('tilesProblem', () => {
  it.each(LAYOUTS.map((layout) => [layout, LAYOUT_TILES[layout]] as const))(
    'layout %s takes exactly %i tiles',
    (layout, count) => {
      expect(tilesProblem(layout, new Array<null>(count).fill(null))).toBeUndefined();
      const short = tilesProblem(layout, new Array<null>(count - 1).fill(null));
      expect(short).toMatchObject({ code: 'VIGIL_ERR_VALIDATION', field: 'tiles' });
      expect(short?.message).toContain(`layout ${layout} has ${count} tiles`);
      expect(tilesProblem(layout, new Array<null>(count + 1).fill(null))?.field).toBe('tiles');
    },
  );
});

describe('ViewService', () => {
  it('creates a view with timestamps and no tour by default, and keeps it across a reopen', () => {
    const views = service();
    const created = views.create({
      view_id: 'lobby',
      name: 'Lobby',
      layout: '2x2',
      tiles: ['a', null, null, 'b'],
    });
    expect(created).toEqual({
      view_id: 'lobby',
      name: 'Lobby',
      layout: '2x2',
      tiles: ['a', null, null, 'b'],
      tour: null,
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
    });
    expect(service().list()).toEqual([created]);
    expect(service().get('lobby')).toEqual(created);
  });

  it('allows camera ids no camera has (yet)', () => {
    const views = service();
    expect(
      views.create({
        view_id: 'later',
        name: 'Later',
        layout: '1',
        tiles: ['not-added-yet'],
        tour: { cameras: ['x', 'y'], interval_s: 5 },
      }).tour,
    ).toEqual({ cameras: ['x', 'y'], interval_s: 5 });
  });

  it('refuses tiles that do not fit the layout, on create and on update', () => {
    const views = service();
    expect(() => views.create({ view_id: 'v', name: 'V', layout: '3x3', tiles: [null] })).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VALIDATION', field: 'tiles' }),
    );
    views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    expect(() => views.update('v', { layout: '2x2' })).toThrow(
      expect.objectContaining({
        field: 'tiles',
        message: expect.stringContaining('send exactly 4') as string,
      }),
    );
    expect(service().get('v').layout).toBe('1');
  });

  it('updates the given fields and updated_at only', () => {
    const views = service();
    views.create({ view_id: 'v', name: 'V', layout: '1', tiles: ['a'] });
    clock += 60_000;
    const updated = views.update('v', {
      layout: '1+5',
      tiles: ['a', 'b', null, null, null, null],
      name: 'W',
    });
    expect(updated).toMatchObject({
      name: 'W',
      layout: '1+5',
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:01:00.000Z',
      tour: null,
    });
    expect(views.update('v', { tour: { cameras: ['a'], interval_s: 3 } }).tour).toEqual({
      cameras: ['a'],
      interval_s: 3,
    });
    expect(views.update('v', { tour: null }).tour).toBeNull();
  });

  it('deletes views and answers VIGIL_ERR_VIEW_NOT_FOUND for unknown ones', () => {
    const views = service();
    views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    views.delete('v');
    expect(service().list()).toEqual([]);
    for (const call of [
      () => views.get('v'),
      () => views.update('v', { name: 'x' }),
      () => {
        views.delete('v');
      },
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'VIGIL_ERR_VIEW_NOT_FOUND', field: 'view_id' }));
    }
  });

  it('refuses a duplicate id', () => {
    const views = service();
    views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    expect(() => views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] })).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VIEW_EXISTS', field: 'view_id' }),
    );
  });
});

describe('view events', () => {
  it('announces each saved, changed and deleted view, and nothing for a refused change', () => {
    const events: StationEvent[] = [];
    const views = new ViewService(
      openViewStore({ dataDir }),
      (event) => events.push(event),
      () => new Date(clock),
    );
    views.create({ view_id: 'lobby', name: 'Lobby', layout: '1', tiles: [null] });
    views.update('lobby', { name: 'Front lobby' });
    expect(() => views.update('lobby', { layout: '2x2' })).toThrow();
    views.delete('lobby');
    const at = new Date(clock).toISOString();
    expect(events).toEqual([
      { type: 'view.added', view_id: 'lobby', at },
      { type: 'view.updated', view_id: 'lobby', at },
      { type: 'view.removed', view_id: 'lobby', at },
    ]);
  });
});
