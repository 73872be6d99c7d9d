// Which alarm holds the desk: the alarms still waiting for an acknowledgement, most urgent first, and the one
// on stage (its camera on the hotspot, its prompt in front of the operator). Pure, so the rules are tested.
import type { Alarm, AlarmSeverity } from './alarm';

/** Severities from the mildest up. */
export const SEVERITIES: readonly AlarmSeverity[] = ['info', 'warning', 'critical'];

/** A severity's rank: higher is more urgent. */
export function severityRank(severity: AlarmSeverity): number {
  return SEVERITIES.indexOf(severity);
}

/** Most urgent first: the higher severity, then the one that happened first (it has waited longest). */
export function byUrgency(a: Alarm, b: Alarm): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    Date.parse(a.occurred_at) - Date.parse(b.occurred_at) ||
    a.alarm_id.localeCompare(b.alarm_id)
  );
}

/**
 * The alarms waiting for the desk — new ones (a snoozed one comes back as new when the station says its snooze
 * ran out) of at least severity `minimum` — most urgent first.
 */
export function waitingAlarms(alarms: Iterable<Alarm>, minimum: AlarmSeverity = 'info'): Alarm[] {
  const floor = severityRank(minimum);
  return [...alarms].filter((a) => a.state === 'new' && severityRank(a.severity) >= floor).sort(byUrgency);
}

/**
 * The alarm on stage after a change, by id: the one there stays while it still waits, unless a more severe
 * one arrived and the operator is not in the middle of answering (`answering`: a note is being typed); when it
 * was handled (here or on another wall) the most urgent waiting one follows; null when none waits.
 */
export function nextOnStage(
  current: string | null,
  waiting: readonly Alarm[],
  answering: boolean,
): string | null {
  const top = waiting[0];
  const staying = waiting.find((a) => a.alarm_id === current);
  if (staying === undefined || top === undefined) return top?.alarm_id ?? null;
  if (answering || severityRank(top.severity) <= severityRank(staying.severity)) return staying.alarm_id;
  return top.alarm_id;
}

/**
 * Whether this wall puts an alarm's camera on its own hotspot: every wall does unless the settings name a
 * dedicated alarm wall, then only the wall of that name.
 */
export function takesOverWall(wallName: string | null, alarmWall: string | null): boolean {
  return alarmWall === null || alarmWall === '' || wallName === alarmWall;
}
