import { describe, expect, it } from 'vitest';

import { retentionPlan } from '../../../main/recording/retention';
import type { SegmentFile } from '../../../main/recording/segment-files';

const HOUR = 3_600_000;
const NOW = 100 * HOUR;

function seg(name: string, startHoursAgo: number, bytes = 10): SegmentFile {
  const startMs = NOW - startHoursAgo * HOUR;
  return { path: name, startMs, endMs: startMs + 4_000, bytes };
}

describe('retentionPlan', () => {
  it('deletes what is older than each camera’s retention_hours', () => {
    const plan = retentionPlan(
      [
        { cameraId: 'a', segments: [seg('a-old', 30), seg('a-new', 1)], retentionHours: 24 },
        { cameraId: 'b', segments: [seg('b-old', 30)], retentionHours: 48 },
      ],
      1_000,
      NOW,
    );
    expect(plan.map((d) => d.segment.path)).toEqual(['a-old']);
  });

  it('then deletes the oldest of all cameras until the rest fits the quota', () => {
    const plan = retentionPlan(
      [
        { cameraId: 'a', segments: [seg('a3', 3), seg('a1', 1)], retentionHours: undefined },
        { cameraId: 'b', segments: [seg('b2', 2)], retentionHours: 24 },
      ],
      15,
      NOW,
    );
    expect(plan.map((d) => [d.cameraId, d.segment.path])).toEqual([
      ['a', 'a3'],
      ['b', 'b2'],
    ]);
  });

  it('deletes nothing when everything fits', () => {
    expect(retentionPlan([{ cameraId: 'a', segments: [seg('a', 1)], retentionHours: 1 }], 10, NOW)).toEqual(
      [],
    );
  });
});
