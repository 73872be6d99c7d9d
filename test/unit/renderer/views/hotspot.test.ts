import { describe, expect, it } from 'vitest';

import type { View } from '../../../../common/views';
import { hotspotLayout, isHotspotLayout } from '../../../../renderer/views/hotspot';
import {
  emptyWall,
  shownTiles,
  wallReducer,
  type WallAction,
  type WallState,
} from '../../../../renderer/views/viewState';

const view = (over: Partial<View> = {}): View => ({
  view_id: 'lobby',
  name: 'Lobby',
  layout: '2x2',
  tiles: ['a', 'b', null, 'd'],
  tour: null,
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
  ...over,
});
const loaded = (over: Partial<View> = {}): WallState =>
  wallReducer(emptyWall, { type: 'load', view: view(over) });
const run = (state: WallState, ...actions: WallAction[]): WallState => actions.reduce(wallReducer, state);
const hotspot = (...cameraIds: string[]): WallAction => ({ type: 'hotspot', cameraIds });

describe('hotspotLayout', () => {
  it.each<[View['layout'], number, View['layout']]>([
    ['1', 0, '1+5'],
    ['2x2', 4, '1+5'],
    ['2x2', 6, '1+7'],
    ['3x3', 8, '1+12'],
    ['5x5', 24, '1+12'],
    ['1+7', 0, '1+7'],
    ['1+12', 3, '1+12'],
  ])('a %s wall keeping %i cameras gets %s', (layout, others, expected) => {
    expect(hotspotLayout(layout, others)).toBe(expected);
    expect(isHotspotLayout(expected)).toBe(true);
  });
});

describe('a camera on the hotspot', () => {
  it('puts an unplaced camera on the big tile and the wall beside it, unchanged as a view', () => {
    const s = run(loaded(), hotspot('x'));
    expect(s.layout).toBe('1+5');
    expect(shownTiles(s)).toEqual(['x', 'a', 'b', 'd', null, null]);
    expect(s.dirty).toBe(false);
    expect(s.focused).toBeNull();
  });

  it('moves a placed camera to the big tile instead of playing it twice', () => {
    expect(shownTiles(run(loaded(), hotspot('b')))).toEqual(['b', 'a', 'd', null, null, null]);
  });

  it("puts an alarm's other cameras next, each once", () => {
    expect(shownTiles(run(loaded(), hotspot('x', 'd', 'x')))).toEqual(['x', 'd', 'a', 'b', null, null]);
  });

  it('keeps a hotspot layout the operator chose, and leaves the wall alone for no camera', () => {
    const s = run(loaded({ layout: '1+7', tiles: ['a', 'b'] }), hotspot('c'));
    expect(s.layout).toBe('1+7');
    expect(shownTiles(s).slice(0, 3)).toEqual(['c', 'a', 'b']);
    const before = loaded();
    expect(run(before, hotspot())).toBe(before);
  });

  it('brings the wall back as it was, tour and full tile included, after hotspots in a row', () => {
    const tour = { cameras: ['a', 'b', 'c', 'd', 'e'], interval_s: 10 };
    const before = run(loaded({ tour }), { type: 'full', tile: 1 });
    const taken = run(before, hotspot('x'), hotspot('y'));
    expect(taken.tourMode).toBe('off');
    expect(taken.full).toBeNull();
    expect(shownTiles(taken)[0]).toBe('y');
    const back = run(taken, { type: 'restore' });
    expect(back).toEqual({ ...before, restore: null });
    expect(run(back, { type: 'restore' })).toBe(back);
  });

  it.each<[string, WallAction]>([
    ['an edit', { type: 'assign', tile: 2, cameraId: 'q' }],
    ['a layout change', { type: 'layout', layout: '3x3' }],
    ['a saved wall', { type: 'saved' }],
    ['a view loaded', { type: 'load', view: view({ view_id: 'other' }) }],
    ['a new tour', { type: 'set-tour', tour: null }],
  ])("is the operator's after %s: nothing is brought back over it", (_, action) => {
    const edited = run(loaded(), hotspot('x'), action);
    expect(edited.restore).toBeNull();
    expect(run(edited, { type: 'restore' })).toBe(edited);
  });

  it('forgets a removed camera in the wall it will bring back', () => {
    const back = run(loaded(), hotspot('x'), { type: 'camera-removed', cameraId: 'a' }, { type: 'restore' });
    expect(shownTiles(back)).toEqual([null, 'b', null, 'd']);
  });
});
