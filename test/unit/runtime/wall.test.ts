import { describe, expect, it } from 'vitest';

import { DEFAULT_WALL_FILES } from '../../../main/runtime/wall';

describe('DEFAULT_WALL_FILES', () => {
  it('serves the wall from out/renderer and the SDK from out/sdk', () => {
    expect(DEFAULT_WALL_FILES.dir).toMatch(/\/out\/renderer$/);
    expect(DEFAULT_WALL_FILES.sdkDir).toMatch(/\/out\/sdk$/);
  });
});
