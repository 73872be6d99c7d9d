import { describe, expect, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import {
  exportSpan,
  notInFuture,
  orderedRange,
  parseInstant,
  recordedSince,
} from '../../../main/recording/recording-queries';

function refusal(run: () => unknown): { code: string; field: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof VigilError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('recording queries', () => {
  it('parse ISO instants and refuse anything else, naming the field', () => {
    expect(parseInstant('2026-12-02T09:30:00.000Z', 'from')).toBe(Date.parse('2026-12-02T09:30:00.000Z'));
    expect(parseInstant('2026-12-02T10:30:00+01:00', 'to')).toBe(Date.parse('2026-12-02T09:30:00.000Z'));
    for (const garbage of ['yesterday', '2026-13-45T99:00:00Z', '1796206742627', '']) {
      expect(refusal(() => parseInstant(garbage, 'from'))).toMatchObject({
        code: ErrorCode.Validation,
        field: 'from',
      });
    }
  });

  it('refuse the future, a range backwards, an export over 24 h or empty', () => {
    expect(
      refusal(() => {
        notInFuture(10_000, 'from', 0);
      }),
    ).toMatchObject({ field: 'from' });
    expect(() => {
      notInFuture(1_000, 'from', 0);
    }).not.toThrow();
    expect(
      refusal(() => {
        orderedRange(2, 1);
      }),
    ).toMatchObject({ code: ErrorCode.Validation, field: 'to' });
    expect(
      refusal(() => {
        exportSpan(0, 24 * 3_600_000 + 1);
      }),
    ).toMatchObject({ field: 'to' });
    expect(
      refusal(() => {
        exportSpan(5, 5);
      }),
    ).toMatchObject({ field: 'to' });
    expect(() => {
      exportSpan(0, 24 * 3_600_000);
    }).not.toThrow();
  });

  it('refuse an instant before the oldest recording, saying where recordings begin', () => {
    const before = refusal(() => {
      recordedSince(0, 1_000, 'lobby');
    });
    expect(before).toMatchObject({ code: ErrorCode.RecordingNotFound, field: 'from' });
    expect(before.message).toContain('1970-01-01T00:00:01.000Z');
    expect(
      refusal(() => {
        recordedSince(0, undefined, 'lobby');
      }).code,
    ).toBe(ErrorCode.RecordingNotFound);
    expect(() => {
      recordedSince(1_000, 1_000, 'lobby');
    }).not.toThrow();
  });
});
