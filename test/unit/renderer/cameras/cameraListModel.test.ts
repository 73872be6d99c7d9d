import { describe, expect, it } from 'vitest';

import type { CameraState } from '../../../../common/camera';
import {
  countStates,
  groupCameras,
  listRows,
  matchesFilter,
  moveHighlight,
  rowKey,
  sameRow,
  STATE_ORDER,
  type CameraRow,
} from '../../../../renderer/cameras/cameraListModel';
import { camera } from '../fixtures';

const gate = camera('gate-north-entrance-long-identifier-01', { name: 'Gate', tags: ['outside', 'lobby'] });
const lobby = camera('lobby', { name: 'Lobby desk', tags: ['lobby'] });
const yard = camera('yard', { name: 'Yard' }, { state: 'offline' });
const dock = camera('dock', { name: 'Dock', tags: ['outside'] }, { state: 'stale' });

describe('matchesFilter', () => {
  it.each<[string, string, CameraState | null, string[]]>([
    ['no filter: everything', '', null, ['gate-north-entrance-long-identifier-01', 'lobby', 'yard', 'dock']],
    ['by name, any case', 'LOBBY D', null, ['lobby']],
    ['by id', 'identifier', null, ['gate-north-entrance-long-identifier-01']],
    ['by tag', 'outside', null, ['gate-north-entrance-long-identifier-01', 'dock']],
    [
      'blank text is no filter',
      '   ',
      null,
      ['gate-north-entrance-long-identifier-01', 'lobby', 'yard', 'dock'],
    ],
    ['by state', '', 'offline', ['yard']],
    ['text and state together', 'outside', 'stale', ['dock']],
    ['nothing matches', 'garage', null, []],
  ])('%s', (_, text, state, ids) => {
    const shown = [gate, lobby, yard, dock].filter((c) => matchesFilter(c, { text, state }));
    expect(shown.map((c) => c.camera_id)).toEqual(ids);
  });
});

describe('groupCameras', () => {
  const names = (groups: ReturnType<typeof groupCameras>) =>
    groups.map((g) => [g.label, g.cameras.map((c) => c.name)]);

  it('one group of everything when not grouping, none when there are no cameras', () => {
    expect(names(groupCameras([gate, yard], false))).toEqual([['All cameras', ['Gate', 'Yard']]]);
    expect(groupCameras([], false)).toEqual([]);
    expect(groupCameras([], true)).toEqual([]);
  });

  it('one group per tag in tag order, a camera under each of its tags, untagged last', () => {
    expect(names(groupCameras([gate, lobby, yard, dock], true))).toEqual([
      ['lobby', ['Gate', 'Lobby desk']],
      ['outside', ['Gate', 'Dock']],
      ['No tag', ['Yard']],
    ]);
  });

  it('sorts tags as people read numbers (floor 2 before floor 10)', () => {
    const a = camera('a', { tags: ['floor 10'] });
    const b = camera('b', { tags: ['floor 2'] });
    expect(groupCameras([a, b], true).map((g) => g.label)).toEqual(['floor 2', 'floor 10']);
  });
});

describe('listRows', () => {
  const groups = groupCameras([gate, lobby, yard, dock], true);

  it('lists the cameras of open groups top to bottom, with their group', () => {
    expect(listRows(groups, new Set()).map(rowKey)).toEqual([
      'gate-north-entrance-long-identifier-01 tag:lobby',
      'lobby tag:lobby',
      'gate-north-entrance-long-identifier-01 tag:outside',
      'dock tag:outside',
      'yard untagged',
    ]);
  });

  it('leaves out collapsed groups', () => {
    expect(listRows(groups, new Set(['tag:lobby', 'untagged'])).map((r) => r.cameraId)).toEqual([
      'gate-north-entrance-long-identifier-01',
      'dock',
    ]);
  });
});

describe('moveHighlight', () => {
  const rows: CameraRow[] = Array.from({ length: 25 }, (_, i) => ({ group: 'all', cameraId: `c${i}` }));
  const at = (i: number): CameraRow => ({ group: 'all', cameraId: `c${i}` });

  it.each<[string, number | null, string, number | null]>([
    ['down', 3, 'ArrowDown', 4],
    ['up', 3, 'ArrowUp', 2],
    ['down at the end stays', 24, 'ArrowDown', 24],
    ['up at the top stays', 0, 'ArrowUp', 0],
    ['page down', 3, 'PageDown', 13],
    ['page down near the end', 20, 'PageDown', 24],
    ['page up near the top', 4, 'PageUp', 0],
    ['home', 17, 'Home', 0],
    ['end', 2, 'End', 24],
    ['nothing highlighted: down starts at the top', null, 'ArrowDown', 0],
    ['nothing highlighted: up starts at the top', null, 'ArrowUp', 0],
    ['nothing highlighted: end goes to the end', null, 'End', 24],
    ['another key does not move it', 3, 'x', null],
    ['Enter is not a move', 3, 'Enter', null],
  ])('%s', (_, from, key, to) => {
    expect(moveHighlight(rows, from === null ? null : at(from), key)).toEqual(to === null ? null : at(to));
  });

  it('a row no longer shown counts as nothing highlighted; an empty list has nothing to highlight', () => {
    expect(moveHighlight(rows, { group: 'tag:x', cameraId: 'c3' }, 'ArrowDown')).toEqual(at(0));
    expect(moveHighlight([], null, 'ArrowDown')).toBeNull();
  });

  it('tells the same camera under two groups apart', () => {
    const twice = [
      { group: 'tag:a', cameraId: 'x' },
      { group: 'tag:b', cameraId: 'x' },
    ];
    expect(moveHighlight(twice, twice[0] ?? null, 'ArrowDown')).toEqual(twice[1]);
    expect(sameRow(twice[0] ?? null, twice[1] ?? null)).toBe(false);
    expect(sameRow(null, null)).toBe(false);
  });
});

describe('countStates', () => {
  it('counts every state, zero included, in the status bar order', () => {
    const counts = countStates([gate, lobby, yard, dock, camera('off', {}, { state: 'disabled' })]);
    expect(counts).toEqual({ live: 2, stale: 1, offline: 1, error: 0, starting: 0, disabled: 1 });
    expect([...STATE_ORDER].sort()).toEqual(Object.keys(counts).sort());
  });

  it('counts 200 cameras', () => {
    const states: CameraState[] = ['live', 'live', 'live', 'stale', 'offline'];
    const many = Array.from({ length: 200 }, (_, i) =>
      camera(`c${i}`, {}, { state: states[i % 5] ?? 'live' }),
    );
    expect(countStates(many)).toMatchObject({ live: 120, stale: 40, offline: 40 });
  });
});
