import { describe, expect, it } from 'vitest';

import {
  dayFolder,
  isDayFolder,
  parseSegmentName,
  segmentName,
  segmentPath,
} from '../../../main/recording/segment-files';

describe('segment file names', () => {
  it('hold the wall-clock start and the length in milliseconds, and read back', () => {
    const name = segmentName(1_796_206_742_627.4, 3_999.6, 146_273);
    expect(name).toBe('1796206742627-4000-146273.mp4');
    expect(parseSegmentName(name)).toEqual({ startMs: 1_796_206_742_627, durationMs: 4_000, bytes: 146_273 });
  });

  it('refuse any other name', () => {
    for (const name of [
      'x.mp4',
      'mx5ywttv-000003.mp4',
      '1796206742627-4000.mp4',
      '1796206742627-4000-1.mp4.tmp',
      '.vigil-quota.json',
    ]) {
      expect(parseSegmentName(name)).toBeUndefined();
    }
  });

  it('go in UTC day folders under the camera', () => {
    expect(dayFolder(Date.parse('2026-12-02T23:59:59.999Z'))).toBe('2026-12-02');
    expect(isDayFolder('2026-12-02')).toBe(true);
    expect(isDayFolder('.incoming')).toBe(false);
    expect(segmentPath('/rec', 'lobby', Date.parse('2026-12-03T00:00:00Z'), 4_000, 10)).toBe(
      `/rec/lobby/2026-12-03/${Date.parse('2026-12-03T00:00:00Z')}-4000-10.mp4`,
    );
  });
});
