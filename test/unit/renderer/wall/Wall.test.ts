import { describe, expect, it } from 'vitest';

import { tileKeys } from '../../../../renderer/wall/Wall';

describe('tileKeys', () => {
  it('keys a camera by itself wherever it sits, so a move keeps its tile and stream', () => {
    const before = tileKeys(['gate', 'lobby', null, null]);
    const after = tileKeys(['lobby', 'gate', null, null, null, null]);
    expect(after[0]).toBe(before[1]);
    expect(after[1]).toBe(before[0]);
  });

  it('keeps keys unique for a camera placed twice and for empty tiles', () => {
    const keys = tileKeys(['gate', null, 'gate', null]);
    expect(new Set(keys).size).toBe(4);
    expect(keys).toEqual(['camera:gate:0', 'empty:1', 'camera:gate:1', 'empty:3']);
  });
});
