import { CameraId } from '../camera';
import { ExportQuery, Mp4Body, PlaybackQuery, RecordingsQuery, RecordingTimeline } from '../recording';
import type { ResourceContracts } from './contract';

/**
 * A camera's recordings: its timeline (JSON), a playback stream (fragmented MP4 following the live edge) and an
 * export (one standard MP4). The two MP4 routes have no handler in the table: main/api/routes/recordings.ts
 * streams them.
 */
export const recordingContracts = {
  'recordings.list': {
    args: [CameraId, RecordingsQuery],
    output: RecordingTimeline,
    scope: 'view',
    summary:
      'Recorded spans and the gaps between them within [from, to] (default: the oldest recording to now)',
    handler: 'recordings.timeline',
  },
  'recordings.playback': {
    args: [CameraId, PlaybackQuery],
    output: Mp4Body,
    scope: 'view',
    summary:
      'Fragmented MP4 from the keyframe at or before `from`, on through later recordings to the live edge ' +
      'until the client closes; header X-Vigil-Playback-Start is the wall-clock instant of media time 0 ' +
      '(a gap in the recording is a jump of the same length in media time)',
  },
  'recordings.export': {
    args: [CameraId, ExportQuery],
    output: Mp4Body,
    scope: 'manage',
    summary:
      'One standard MP4 (faststart) of [from, to], at most 24 hours, as an attachment; logged and announced ' +
      '(recording.exported)',
  },
} as const satisfies ResourceContracts<'recordings'>;
