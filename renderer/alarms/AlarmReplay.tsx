import type { CameraView } from '../../common/camera';
import type { PlaybackSource } from '../playback';
import type { Alarm } from './alarm';
import { replayFrom } from './alarmText';
import { PreAlarmReplay } from './PreAlarmReplay';

/** The replay's inputs: the alarm, the station's cameras and the recordings. */
export interface AlarmReplayProps {
  alarm: Alarm;
  cameras: ReadonlyMap<string, CameraView>;
  playback: PlaybackSource | undefined;
}

/** The pre-alarm replay of an alarm's first camera, from 10 s before it happened. */
export function AlarmReplay({ alarm, cameras, playback }: AlarmReplayProps) {
  const cameraId = alarm.camera_ids[0] ?? '';
  return (
    <PreAlarmReplay
      cameraId={cameraId}
      cameraName={cameras.get(cameraId)?.name ?? cameraId}
      from={replayFrom(alarm)}
      playback={playback}
    />
  );
}
