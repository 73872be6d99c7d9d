import { describe, expect, it } from 'vitest';

import { identify, likeness, matchWalls, wallKey } from '../../../../main/runtime/desk/display-identity';
import type { DisplayIdentity } from '../../../../main/runtime/desk/wall-state';
import { fakeDisplay } from './fakes';

const dell: DisplayIdentity = { id: 10, label: 'DELL U2415', width: 1920, height: 1200, x: 0, y: 0 };

describe('identify', () => {
  it('records the native resolution, which a scaling change does not move', () => {
    const display = fakeDisplay({
      id: 3,
      label: 'LG',
      bounds: { x: 1920, y: 0, width: 1280, height: 720 },
      scaleFactor: 1.5,
    });
    expect(identify(display)).toEqual({ id: 3, label: 'LG', width: 1920, height: 1080, x: 1920, y: 0 });
  });
});

describe('likeness', () => {
  it.each<[string, Partial<DisplayIdentity>, number]>([
    ['the same monitor', {}, 8],
    ['a new id (replugged elsewhere)', { id: 99 }, 4],
    ['a new id and position', { id: 99, x: 1920 }, 3],
    ['a like-for-like replacement in the same place', { id: 99, label: 'HP E24' }, 2],
    ['only the resolution in common', { id: 99, label: 'HP E24', x: 1920 }, 1],
    ['nothing in common', { id: 99, label: 'HP E24', x: 1920, width: 2560 }, 0],
  ])('%s → %i', (_name, change, score) => {
    expect(likeness(dell, { ...dell, ...change })).toBe(score);
  });

  it('an empty label proves nothing', () => {
    expect(likeness({ ...dell, label: '' }, { ...dell, id: 99, label: '', x: 5 })).toBe(1);
  });
});

describe('matchWalls', () => {
  const left = fakeDisplay({ id: 1, label: 'DELL', bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
  const right = fakeDisplay({ id: 2, label: 'DELL', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } });
  const saved = (key: string, display: Partial<DisplayIdentity>) => ({
    key,
    display: { ...identify(left), ...display },
  });

  it('pairs twin monitors by id, each display once', () => {
    const matched = matchWalls([saved('b', identify(right)), saved('a', identify(left))], [left, right]);
    expect(matched.get('a')?.id).toBe(1);
    expect(matched.get('b')?.id).toBe(2);
  });

  it('finds a monitor whose id changed by label, resolution and place', () => {
    const matched = matchWalls(
      [saved('a', { id: 77 }), saved('b', { ...identify(right), id: 78 })],
      [left, right],
    );
    expect(matched.get('a')?.id).toBe(1);
    expect(matched.get('b')?.id).toBe(2);
  });

  it('does not put a wall on the twin of its unplugged monitor', () => {
    expect(matchWalls([saved('b', identify(right))], [left]).size).toBe(0);
  });

  it('leaves a wall whose monitor is absent unmatched', () => {
    const matched = matchWalls([saved('gone', { id: 5, label: 'HP', width: 2560, x: 5000 })], [left, right]);
    expect(matched.size).toBe(0);
  });
});

describe('wallKey', () => {
  it.each<[DisplayIdentity, string[], string]>([
    [dell, [], 'dell-u2415-10'],
    [dell, ['dell-u2415-10'], 'dell-u2415-10-2'],
    [{ ...dell, label: '' }, [], 'display-10'],
    [{ ...dell, label: '  Built-in Retina Display ' }, [], 'built-in-retina-display-10'],
  ])('%j with %j taken → %s', (identity, taken, key) => {
    expect(wallKey(identity, new Set(taken))).toBe(key);
  });
});
