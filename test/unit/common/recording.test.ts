import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';

import { CameraPatch } from '../../../common/camera';
import {
  RecordingSettings,
  exportPath,
  mediaTimeOf,
  playbackPath,
  wallClockAt,
} from '../../../common/recording';
import { requestFor } from '../../../renderer/station-api/http-client';

describe('the recording contract', () => {
  it('makes playback and export paths with the instants encoded', () => {
    expect(playbackPath('lobby 1', new Date('2026-12-02T10:00:00Z'))).toBe(
      '/cameras/lobby%201/playback?from=2026-12-02T10%3A00%3A00.000Z',
    );
    expect(exportPath('lobby', '2026-12-02T10:00:00.000Z', new Date('2026-12-02T10:00:20Z'))).toBe(
      '/cameras/lobby/export.mp4?from=2026-12-02T10%3A00%3A00.000Z&to=2026-12-02T10%3A00%3A20.000Z',
    );
  });

  it('maps media time to wall-clock time from the playback start, and back', () => {
    expect(wallClockAt('2026-12-02T10:00:00.000Z', 10.5)).toBe(Date.parse('2026-12-02T10:00:10.500Z'));
    expect(mediaTimeOf('2026-12-02T10:00:00.000Z', '2026-12-02T10:00:01.250Z')).toBe(1.25);
    expect(mediaTimeOf('2026-12-02T10:00:00.000Z', new Date('2026-12-02T09:59:59Z'))).toBe(0);
  });

  it('takes recording settings on a camera patch: mode and whole retention hours', () => {
    expect(Value.Check(CameraPatch, { recording: { mode: 'continuous', retention_hours: 72 } })).toBe(true);
    expect(Value.Check(RecordingSettings, { mode: 'motion', retention_hours: 72 })).toBe(false);
    expect(Value.Check(RecordingSettings, { mode: 'off', retention_hours: 0 })).toBe(false);
    expect(Value.Check(RecordingSettings, { mode: 'off', retention_hours: 1.5 })).toBe(false);
  });

  it('puts a query route’s argument in the query string, leaving out undefined fields', () => {
    const route = { verb: 'GET', path: '/cameras/:camera_id/recordings', query: true } as const;
    expect(requestFor(route, ['lobby', { from: '2026-12-02T10:00:00Z', to: undefined }])).toEqual({
      path: '/cameras/lobby/recordings?from=2026-12-02T10%3A00%3A00Z',
      body: undefined,
    });
    expect(requestFor(route, ['lobby', {}])).toEqual({ path: '/cameras/lobby/recordings', body: undefined });
  });
});
