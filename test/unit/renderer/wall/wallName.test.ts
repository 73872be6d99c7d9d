import { describe, expect, it } from 'vitest';

import { wallNameOf } from '../../../../renderer/wall/wallName';

describe('wallNameOf', () => {
  it.each([
    ['?wall=desk-1-left', 'desk-1-left'],
    ['?token=x&wall=atrium', 'atrium'],
    ['', undefined],
    ['?wall=', undefined],
    ['?wall=no%20spaces', undefined],
    ['?wall=%0Aevil', undefined],
  ])('%s → %s', (search, name) => {
    expect(wallNameOf(search)).toBe(name);
  });
});
