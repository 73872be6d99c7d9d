import { describe, expect, it } from 'vitest';

import { sessionWrites } from '../../../main/cluster/kv-sessions';

const hash = (c: string): string => c.repeat(64);
const session = (c: string, seen = '2030-01-01T00:00:00.000Z') => ({
  sha256: hash(c),
  created_at: '2030-01-01T00:00:00.000Z',
  last_seen_at: seen,
});
const token = (c: string) => ({ sha256: hash(c), expires_at: '2030-01-01T00:10:00.000Z' });

describe('sessionWrites', () => {
  it('puts new and changed entries, deletes gone ones, leaves the rest alone', () => {
    const before = { sessions: [session('a'), session('b')], tokens: [token('c')] };
    const after = {
      sessions: [session('a'), session('b', '2030-01-01T01:00:00.000Z'), session('d')],
      tokens: [],
    };
    const { puts, deletes } = sessionWrites(before, after);
    expect(puts.map(([key]) => key)).toEqual([`s.${hash('b')}`, `s.${hash('d')}`]);
    expect(deletes).toEqual([`t.${hash('c')}`]);
  });

  it('keeps sessions and tokens with the same hash apart', () => {
    const { puts, deletes } = sessionWrites(
      { sessions: [session('a')], tokens: [] },
      { sessions: [session('a')], tokens: [token('a')] },
    );
    expect(puts.map(([key]) => key)).toEqual([`t.${hash('a')}`]);
    expect(deletes).toEqual([]);
  });
});
