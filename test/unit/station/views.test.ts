import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { LAYOUT_TILES, LAYOUTS, type View } from '../../../common/views';
import { openViewStore } from '../../../main/store/view-store';
import { ViewService, tilesProblem, viewWithoutCamera } from '../../../main/station/views';

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
  it('creates a view with timestamps and no tour by default, and keeps it across a reopen', async () => {
    const views = service();
    const created = await views.create({
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

  it('allows camera ids no camera has (yet)', async () => {
    const views = service();
    const later = await views.create({
      view_id: 'later',
      name: 'Later',
      layout: '1',
      tiles: ['not-added-yet'],
      tour: { cameras: ['x', 'y'], interval_s: 5 },
    });
    expect(later.tour).toEqual({ cameras: ['x', 'y'], interval_s: 5 });
  });

  it('refuses tiles that do not fit the layout, on create and on update', async () => {
    const views = service();
    await expect(views.create({ view_id: 'v', name: 'V', layout: '3x3', tiles: [null] })).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VALIDATION', field: 'tiles' }),
    );
    await views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    await expect(views.update('v', { layout: '2x2' })).rejects.toThrow(
      expect.objectContaining({
        field: 'tiles',
        message: expect.stringContaining('send exactly 4') as string,
      }),
    );
    expect(service().get('v').layout).toBe('1');
  });

  it('updates the given fields and updated_at only', async () => {
    const views = service();
    await views.create({ view_id: 'v', name: 'V', layout: '1', tiles: ['a'] });
    clock += 60_000;
    const updated = await views.update('v', {
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
    expect((await views.update('v', { tour: { cameras: ['a'], interval_s: 3 } })).tour).toEqual({
      cameras: ['a'],
      interval_s: 3,
    });
    expect((await views.update('v', { tour: null })).tour).toBeNull();
  });

  it('deletes views and answers VIGIL_ERR_VIEW_NOT_FOUND for unknown ones', async () => {
    const views = service();
    await views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    await views.delete('v');
    expect(service().list()).toEqual([]);
    const notFound = { code: 'VIGIL_ERR_VIEW_NOT_FOUND', field: 'view_id' };
    expect(() => views.get('v')).toThrow(expect.objectContaining(notFound));
    await expect(views.update('v', { name: 'x' })).rejects.toThrow(expect.objectContaining(notFound));
    await expect(views.delete('v')).rejects.toThrow(expect.objectContaining(notFound));
  });

  it('refuses a duplicate id', async () => {
    const views = service();
    await views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    await expect(views.create({ view_id: 'v', name: 'V', layout: '1', tiles: [null] })).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VIEW_EXISTS', field: 'view_id' }),
    );
  });
});

describe('view events', () => {
  it('announces each saved, changed and deleted view, and nothing for a refused change', async () => {
    const events: StationEvent[] = [];
    const views = new ViewService(
      openViewStore({ dataDir }),
      (event) => events.push(event),
      () => new Date(clock),
    );
    await views.create({ view_id: 'lobby', name: 'Lobby', layout: '1', tiles: [null] });
    await views.update('lobby', { name: 'Front lobby' });
    await expect(views.update('lobby', { layout: '2x2' })).rejects.toThrow();
    await views.delete('lobby');
    const at = new Date(clock).toISOString();
    expect(events).toEqual([
      { type: 'view.added', view_id: 'lobby', at },
      { type: 'view.updated', view_id: 'lobby', at },
      { type: 'view.removed', view_id: 'lobby', at },
    ]);
  });
});

describe('viewWithoutCamera', () => {
  const base: View = {
    view_id: 'desk',
    name: 'Desk',
    layout: '2x2',
    tiles: ['gate', 'lobby', null, 'gate'],
    tour: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
  };
  it.each([
    ['empties every tile of the camera', base, 'gate', { tiles: [null, 'lobby', null, null], tour: null }],
    ['leaves a view without it alone', base, 'yard', undefined],
    [
      'takes it out of the tour',
      { ...base, tour: { cameras: ['gate', 'yard'], interval_s: 10 } },
      'yard',
      { tiles: base.tiles, tour: { cameras: ['gate'], interval_s: 10 } },
    ],
    [
      'ends a tour left without cameras',
      { ...base, tiles: [null, null, null, null], tour: { cameras: ['yard'], interval_s: 10 } },
      'yard',
      { tiles: [null, null, null, null], tour: null },
    ],
  ] as const)('%s', (_what, view, cameraId, expected) => {
    const result = viewWithoutCamera(view as View, cameraId);
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toMatchObject(expected);
  });
});

describe('ViewService.forgetCamera', () => {
  it('takes a removed camera out of every saved view and announces each change', async () => {
    const events: StationEvent[] = [];
    const views = new ViewService(
      openViewStore({ dataDir }),
      (event) => events.push(event),
      () => new Date(clock),
    );
    await views.create({ view_id: 'a', name: 'A', layout: '2x2', tiles: ['gate', null, null, 'lobby'] });
    await views.create({ view_id: 'b', name: 'B', layout: '1', tiles: ['lobby'] });
    await views.create({
      view_id: 'c',
      name: 'C',
      layout: '1',
      tiles: ['gate'],
      tour: { cameras: ['gate', 'x'], interval_s: 5 },
    });
    events.length = 0;
    clock += 1000;
    expect(await views.forgetCamera('gate')).toEqual(['a', 'c']);
    expect(views.get('a')).toMatchObject({
      tiles: [null, null, null, 'lobby'],
      updated_at: new Date(clock).toISOString(),
    });
    expect(views.get('b').tiles).toEqual(['lobby']);
    expect(views.get('c')).toMatchObject({ tiles: [null], tour: { cameras: ['x'] } });
    expect(events.map((e) => [e.type, 'view_id' in e ? e.view_id : ''])).toEqual([
      ['view.updated', 'a'],
      ['view.updated', 'c'],
    ]);
    expect(service().get('a').tiles).toEqual([null, null, null, 'lobby']);
  });
});

describe('ViewService.markShown', () => {
  it('records when a wall showed the view, without announcing it or changing updated_at', async () => {
    const events: StationEvent[] = [];
    const views = new ViewService(
      openViewStore({ dataDir }),
      (event) => events.push(event),
      () => new Date(clock),
    );
    const created = await views.create({ view_id: 'a', name: 'A', layout: '1', tiles: [null] });
    events.length = 0;
    clock += 5000;
    const shown = await views.markShown('a');
    expect(shown.last_shown_at).toBe(new Date(clock).toISOString());
    expect(shown.updated_at).toBe(created.updated_at);
    expect(events).toEqual([]);
    await expect(views.markShown('nope')).rejects.toThrow(/No view "nope"/);
  });
});
