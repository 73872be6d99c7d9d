// The alarm list's model: the alarms this wall knows (from the first list and every alarm event), newest
// first, filtered by state, and counted for the status bar. Pure, so the rules are tested.
import type { Alarm, AlarmState } from './alarm';

/** What the list shows: every alarm not closed (`open`) or the alarms in one state. */
export type AlarmFilter = 'open' | AlarmState;

/** How many alarms are in each state. */
export type AlarmCounts = Record<AlarmState, number>;

/** The most alarms the desk keeps in memory (the newest; the station keeps them all). */
export const MAX_KEPT = 500;

/** The states in the order the status bar lists them. */
export const STATE_ORDER: readonly AlarmState[] = ['new', 'acknowledged', 'snoozed', 'closed'];

/** Newest first: the one raised last on top. */
export function byNewest(a: Alarm, b: Alarm): number {
  return Date.parse(b.raised_at) - Date.parse(a.raised_at) || b.alarm_id.localeCompare(a.alarm_id);
}

/**
 * Whether `incoming` is at least as new as `known`: an alarm's history only grows, so the longer one is the
 * later word (a list fetched before an event must not undo it).
 */
function isLater(incoming: Alarm, known: Alarm): boolean {
  return incoming.history.length >= known.history.length;
}

/** The alarms with `incoming` added or brought up to date, by id; an older word about an alarm is ignored. */
export function upsertAlarm(alarms: ReadonlyMap<string, Alarm>, incoming: Alarm): ReadonlyMap<string, Alarm> {
  const known = alarms.get(incoming.alarm_id);
  if (known !== undefined && !isLater(incoming, known)) return alarms;
  const next = new Map(alarms);
  next.set(incoming.alarm_id, incoming);
  return next.size > MAX_KEPT ? trimmed(next) : next;
}

/** Every alarm of a fresh list merged with what events already said (the later word wins). */
export function mergeAlarms(
  alarms: ReadonlyMap<string, Alarm>,
  list: readonly Alarm[],
): ReadonlyMap<string, Alarm> {
  return list.reduce(upsertAlarm, alarms);
}

/** The newest MAX_KEPT alarms, keeping every one not closed (the desk must still answer them). */
function trimmed(alarms: Map<string, Alarm>): Map<string, Alarm> {
  const open = [...alarms.values()].filter((a) => a.state !== 'closed');
  const closed = [...alarms.values()].filter((a) => a.state === 'closed').sort(byNewest);
  const kept = [...open, ...closed.slice(0, Math.max(0, MAX_KEPT - open.length))];
  return new Map(kept.map((a) => [a.alarm_id, a]));
}

/** The alarms the list shows for a filter, newest first. */
export function listAlarms(alarms: ReadonlyMap<string, Alarm>, filter: AlarmFilter): Alarm[] {
  const passes = (a: Alarm): boolean => (filter === 'open' ? a.state !== 'closed' : a.state === filter);
  return [...alarms.values()].filter(passes).sort(byNewest);
}

/** How many alarms are in each state. */
export function countAlarms(alarms: ReadonlyMap<string, Alarm>): AlarmCounts {
  const counts: AlarmCounts = { new: 0, acknowledged: 0, snoozed: 0, closed: 0 };
  for (const alarm of alarms.values()) counts[alarm.state] += 1;
  return counts;
}

/** How many alarms are not closed. */
export function openAlarms(alarms: ReadonlyMap<string, Alarm>): number {
  let open = 0;
  for (const alarm of alarms.values()) if (alarm.state !== 'closed') open += 1;
  return open;
}

/** The last change of an alarm (who, when, with which note), for its row. */
export function lastChange(alarm: Alarm): Alarm['history'][number] | undefined {
  return alarm.history[alarm.history.length - 1];
}

/** The notes the operators left on an alarm, oldest first. */
export function alarmNotes(alarm: Alarm): Alarm['history'] {
  return alarm.history.filter((entry) => entry.note !== undefined && entry.note !== '');
}
