import type { CameraView } from '../../common/camera';
import type { Alarm } from './alarm';
import { replayFrom } from './alarmText';
import { PreAlarmReplay } from './PreAlarmReplay';

/** The replay's inputs: the alarm and the station's cameras. */
export interface AlarmReplayProps {
  alarm: Alarm;
  cameras: ReadonlyMap<string, CameraView>;
}

/**
 * The pre-alarm replay of an alarm's first camera, from 10 s before it happened. This station build has no
 * recordings to play yet, so it says so plainly.
 */
export function AlarmReplay({ alarm, cameras }: AlarmReplayProps) {
  const cameraId = alarm.camera_ids[0] ?? '';
  return (
    <PreAlarmReplay
      cameraId={cameraId}
      cameraName={cameras.get(cameraId)?.name ?? cameraId}
      from={replayFrom(alarm)}
      source={undefined}
    />
  );
}
