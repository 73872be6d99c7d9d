import { describe, expect, it } from 'vitest';

import { exitStatusOf } from '../../../main/gateway/container-run';

describe('exitStatusOf', () => {
  it.each([
    [0, { code: 0, signal: null }],
    [1, { code: 1, signal: null }],
    [137, { code: null, signal: 'SIGKILL' }],
    [143, { code: null, signal: 'SIGTERM' }],
    [255, { code: 255, signal: null }],
  ])('%i', (statusCode, expected) => {
    expect(exitStatusOf(statusCode)).toEqual(expected);
  });
});
