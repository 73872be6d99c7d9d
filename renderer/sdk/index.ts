// The VAS SDK's plain entry (built to out/sdk/vas-client.js): the client and its types, no React, so a
// page without a bundler can `import { VASJanusClient } from '/sdk/vas-client.js'`. The React hook is in
// ./react (out/sdk/vas-react.js), which re-exports all of this.

export { VASJanusClient } from './client';
export type {
  AlarmEvent,
  PlayerFactory,
  StartStreamOptions,
  StationMessage,
  VASJanusClientOptions,
} from './client';
export type {
  Alarm,
  AlarmActionInput,
  AlarmInput,
  AlarmQuery,
  AlarmSeverity,
  AlarmSnoozeInput,
  AlarmState,
} from '../../common/alarms';
export { VASError } from './errors';
export type { SdkErrorCode, VASErrorCode } from './errors';
export type { CameraHealth, CameraInput, CameraState, CameraView, StreamInfo } from '../../common/camera';
export type { ErrorCode } from '../../common/errors';
export type { HealthReport } from '../../common/health';
export type { PlayerTile, StreamPlayer, TileState, TileStats, TileStatus } from '../player/types';
export type { StartPlaybackOptions } from './playbacks';
export type { MediaEnv, MemberPhase as PlaybackPhase, MemberStatus as PlaybackStatus } from '../playback';
export type { PlaybackHandle, PlaybackRate } from '../playback';
export type { RecordingsQuery, RecordingTimeline, TimeSpan } from '../../common/recording';
