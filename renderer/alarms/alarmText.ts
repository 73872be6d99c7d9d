// The words the alarm list and prompt show: how long ago, which cameras, what happened last. Pure.
import type { Alarm, AlarmState } from './alarm';
import { lastChange } from './alarmList';
import { clockTime } from '../wall/tileState';

/** How long ago `at` was at `now`, short: `8 s ago`, `4 min ago`, `2 h ago`, `3 d ago`. */
export function ago(at: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** The alarm's cameras by name (the id when the station no longer has the camera), the first ones only. */
export function cameraNames(alarm: Alarm, names: (cameraId: string) => string | undefined, most = 3): string {
  const named = alarm.camera_ids.slice(0, most).map((id) => names(id) ?? id);
  const more = alarm.camera_ids.length - named.length;
  return more > 0 ? `${named.join(', ')} +${more}` : named.join(', ');
}

const PAST: Record<AlarmState, string> = {
  new: 'raised',
  acknowledged: 'acknowledged',
  snoozed: 'snoozed',
  closed: 'closed',
};

/** What happened to the alarm last, for its row: `acknowledged by Ana 10:15:02`, `snoozed until 10:30:00`. */
export function stateLine(alarm: Alarm): string {
  const last = lastChange(alarm);
  if (alarm.state === 'snoozed' && alarm.snoozed_until !== undefined) {
    return `snoozed until ${clockTime(alarm.snoozed_until)}${last ? ` by ${last.by}` : ''}`;
  }
  if (last === undefined) return PAST[alarm.state];
  return `${PAST[last.state]} by ${last.by} ${clockTime(last.at)}`;
}

/** The pre-alarm replay's start: 10 s before the alarm happened (ISO, as the playback API takes it). */
export function replayFrom(alarm: Alarm, beforeMs = 10_000): string {
  return new Date(Date.parse(alarm.occurred_at) - beforeMs).toISOString();
}
