import { describe, expect, it } from 'vitest';

import type { View } from '../../../../common/views';
import {
  emptyWall,
  MAX_TILES,
  shownTiles,
  viewFields,
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

const run = (state: WallState, ...actions: WallAction[]): WallState => actions.reduce(wallReducer, state);
const loaded = (over: Partial<View> = {}): WallState =>
  wallReducer(emptyWall, { type: 'load', view: view(over) });

describe('wallReducer', () => {
  it('loads a view into MAX_TILES slots, clean', () => {
    const s = loaded();
    expect(s.tiles).toHaveLength(MAX_TILES);
    expect(shownTiles(s)).toEqual(['a', 'b', null, 'd']);
    expect(s.dirty).toBe(false);
  });

  it.each<[string, WallAction, (string | null)[]]>([
    ['assign', { type: 'assign', tile: 2, cameraId: 'c' }, ['a', 'b', 'c', 'd']],
    ['assign over a camera', { type: 'assign', tile: 0, cameraId: 'z' }, ['z', 'b', null, 'd']],
    ['swap', { type: 'swap', from: 0, to: 3 }, ['d', 'b', null, 'a']],
    ['swap with an empty tile', { type: 'swap', from: 1, to: 2 }, ['a', null, 'b', 'd']],
    ['clear', { type: 'clear', tile: 1 }, ['a', null, null, 'd']],
  ])('%s', (_, action, tiles) => {
    const s = wallReducer(loaded(), action);
    expect(shownTiles(s)).toEqual(tiles);
    expect(s.dirty).toBe(true);
  });

  it.each<[string, WallAction]>([
    ['assign outside the layout', { type: 'assign', tile: 4, cameraId: 'c' }],
    ['assign to a negative tile', { type: 'assign', tile: -1, cameraId: 'c' }],
    ['swap a tile with itself', { type: 'swap', from: 1, to: 1 }],
    ['swap outside the layout', { type: 'swap', from: 1, to: 9 }],
    ['clear outside the layout', { type: 'clear', tile: 7 }],
    ['full outside the layout', { type: 'full', tile: 4 }],
    ['toggle a tour that does not exist', { type: 'tour-toggle' }],
    ['step a tour that is not playing', { type: 'tour-step' }],
  ])('ignores %s', (_, action) => {
    const s = loaded();
    expect(wallReducer(s, action)).toBe(s);
  });

  it('keeps cameras beyond a smaller layout and brings them back', () => {
    const s = run(loaded({ layout: '3x3', tiles: ['a', 'b', 'c', 'd', 'e'] }), {
      type: 'layout',
      layout: '2x2',
    });
    expect(shownTiles(s)).toEqual(['a', 'b', 'c', 'd']);
    expect(viewFields(s)).toEqual({ layout: '2x2', tiles: ['a', 'b', 'c', 'd'], tour: null });
    expect(shownTiles(wallReducer(s, { type: 'layout', layout: '3x3' }))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      null,
      null,
      null,
      null,
    ]);
    expect(s.dirty).toBe(true);
  });

  it('full-windows a tile, toggles back, and Esc returns', () => {
    const s = run(loaded(), { type: 'full', tile: 2 });
    expect(s.full).toBe(2);
    expect(s.focused).toBe(2);
    expect(wallReducer(s, { type: 'full', tile: 2 }).full).toBeNull();
    expect(wallReducer(s, { type: 'full', tile: 1 }).full).toBe(1);
    expect(wallReducer(s, { type: 'exit-full' }).full).toBeNull();
    expect(s.dirty).toBe(false);
  });

  it('drops the full-window and focused tile a smaller layout no longer has', () => {
    const s = run(loaded({ layout: '3x3' }), { type: 'full', tile: 6 }, { type: 'layout', layout: '2x2' });
    expect(s.full).toBeNull();
    expect(s.focused).toBeNull();
  });

  it('marks a saved wall clean', () => {
    expect(run(loaded(), { type: 'clear', tile: 0 }, { type: 'saved' }).dirty).toBe(false);
  });
});

describe('wallReducer: placing cameras and moving the selection', () => {
  const selected = (tile: number | null): WallState => ({ ...loaded(), focused: tile });

  it.each<[string, WallState, string, (string | null)[], number]>([
    ['on the selected tile, then selects the next', selected(1), 'z', ['a', 'z', null, 'd'], 2],
    ['on the selected empty tile', selected(2), 'z', ['a', 'b', 'z', 'd'], 3],
    ['nothing selected: on the first empty tile', selected(null), 'z', ['a', 'b', 'z', 'd'], 3],
    ['on the last tile, which stays selected', selected(3), 'z', ['a', 'b', null, 'z'], 3],
  ])('places %s', (_, state, cameraId, tiles, focused) => {
    const s = wallReducer(state, { type: 'place', cameraId });
    expect(shownTiles(s)).toEqual(tiles);
    expect(s.focused).toBe(focused);
    expect(s.dirty).toBe(true);
  });

  it('places nowhere when nothing is selected and every tile is taken', () => {
    const full = { ...loaded({ tiles: ['a', 'b', 'c', 'd'] }), focused: null };
    expect(wallReducer(full, { type: 'place', cameraId: 'z' })).toBe(full);
  });

  it('repeated placements fill the wall in reading order', () => {
    const s = run(
      selected(0),
      { type: 'place', cameraId: 'p' },
      { type: 'place', cameraId: 'q' },
      { type: 'place', cameraId: 'r' },
    );
    expect(shownTiles(s)).toEqual(['p', 'q', 'r', 'd']);
    expect(s.focused).toBe(3);
  });

  it('a placement during a tour keeps its page and stops it', () => {
    const tour = { cameras: ['t1', 't2', 't3', 't4', 't5'], interval_s: 10 };
    const s = run({ ...loaded({ tour }), focused: 0 }, { type: 'place', cameraId: 'x' });
    expect(s.tourMode).toBe('off');
    expect(shownTiles(s)).toEqual(['x', 't2', 't3', 't4']);
  });

  it.each<[number | null, 'left' | 'right' | 'up' | 'down', number]>([
    [null, 'right', 0],
    [0, 'right', 1],
    [1, 'down', 3],
    [3, 'right', 3],
  ])('moves the selection from %s %s to %d, leaving the wall as it is', (from, direction, to) => {
    const s = wallReducer(selected(from), { type: 'move', direction });
    expect(s.focused).toBe(to);
    expect(s.full).toBeNull();
    expect(s.dirty).toBe(false);
  });

  it('a full-window tile follows the selection', () => {
    const s = run(loaded(), { type: 'full', tile: 0 }, { type: 'move', direction: 'down' });
    expect(s.focused).toBe(2);
    expect(s.full).toBe(2);
  });
});

describe('wallReducer: tours', () => {
  const tour = { cameras: ['t1', 't2', 't3', 't4', 't5', 't6'], interval_s: 10 };

  it('starts playing a view with a tour and rotates pages on each step', () => {
    const s = loaded({ tour });
    expect(s.tourMode).toBe('playing');
    expect(shownTiles(s)).toEqual(['t1', 't2', 't3', 't4']);
    expect(shownTiles(run(s, { type: 'tour-step' }))).toEqual(['t5', 't6', null, null]);
    expect(shownTiles(run(s, { type: 'tour-step' }, { type: 'tour-step' }))).toEqual([
      't1',
      't2',
      't3',
      't4',
    ]);
  });

  it('pauses on the current page and resumes', () => {
    const paused = run(loaded({ tour }), { type: 'tour-step' }, { type: 'tour-toggle' });
    expect(paused.tourMode).toBe('paused');
    expect(wallReducer(paused, { type: 'tour-step' })).toBe(paused);
    expect(shownTiles(paused)).toEqual(['t5', 't6', null, null]);
    expect(wallReducer(paused, { type: 'tour-toggle' }).tourMode).toBe('playing');
  });

  it('an edit by hand keeps what the wall shows and stops the tour; T plays it again', () => {
    const s = run(loaded({ tour }), { type: 'tour-step' }, { type: 'assign', tile: 3, cameraId: 'x' });
    expect(s.tourMode).toBe('off');
    expect(shownTiles(s)).toEqual(['t5', 't6', null, 'x']);
    expect(wallReducer(s, { type: 'tour-toggle' }).tourMode).toBe('playing');
  });

  it('sets and removes a tour', () => {
    const s = run(loaded(), { type: 'set-tour', tour });
    expect(s.tourMode).toBe('playing');
    expect(s.dirty).toBe(true);
    expect(viewFields(s).tour).toEqual(tour);
    const off = wallReducer(s, { type: 'set-tour', tour: null });
    expect(off.tourMode).toBe('off');
    expect(shownTiles(off)).toEqual(['a', 'b', null, 'd']);
  });
});

describe('wallReducer: a camera the station removed', () => {
  it('empties its tiles at once without making the wall unsaved', () => {
    const s = run(loaded({ tiles: ['a', 'b', 'a', 'd'] }), { type: 'camera-removed', cameraId: 'a' });
    expect(shownTiles(s)).toEqual([null, 'b', null, 'd']);
    expect(s.dirty).toBe(false);
  });

  it('leaves the wall as it is when it does not show the camera', () => {
    const s = loaded();
    expect(wallReducer(s, { type: 'camera-removed', cameraId: 'zz' })).toBe(s);
  });

  it('takes it out of the tour, and ends a tour left without cameras', () => {
    const s = loaded({ tour: { cameras: ['t1', 't2'], interval_s: 10 } });
    expect(run(s, { type: 'camera-removed', cameraId: 't1' }).tour?.cameras).toEqual(['t2']);
    const ended = run(
      s,
      { type: 'camera-removed', cameraId: 't1' },
      { type: 'camera-removed', cameraId: 't2' },
    );
    expect(ended).toMatchObject({ tour: null, tourMode: 'off' });
    expect(shownTiles(ended)).toEqual(['a', 'b', null, 'd']);
  });
});
