// The alarm workflow as pure functions: each action on an alarm gives the changed alarm (a new history entry,
// the new state) or throws a VigilError naming the state or the field. States: new → acknowledged → closed,
// snoozed aside (it returns by itself to the state it had before).
import { randomBytes } from 'node:crypto';

import type {
  Alarm,
  AlarmAction,
  AlarmActor,
  AlarmHistoryEntry,
  AlarmInput,
  AlarmState,
} from '../../common/alarms';
import { ErrorCode, VigilError } from '../../common/errors';

/** What the station records as `by` when it acts itself (a snooze running out). */
export const STATION_ACTOR: AlarmActor = { kind: 'station', name: 'station' };

/** A new alarm id: `alm_`, the time in ms (12 hex digits, so ids sort by time) and 8 random hex digits. */
export function newAlarmId(now: Date): string {
  const time = now.getTime().toString(16).padStart(12, '0').slice(-12);
  return `alm_${time}${randomBytes(4).toString('hex')}`;
}

/** Who an action is recorded as: a key's name; for the desk the operator's name it sent, else the desk's. */
export function byOf(actor: AlarmActor, operator: string | undefined): string {
  return actor.kind === 'desk' && operator !== undefined ? operator.trim() : actor.name;
}

/** The alarm a raise creates. */
export function raisedAlarm(input: AlarmInput, actor: AlarmActor, id: string, now: Date): Alarm {
  const at = now.toISOString();
  const by = byOf(actor, input.operator);
  return {
    alarm_id: id,
    camera_ids: [...input.camera_ids],
    severity: input.severity,
    title: input.title.trim(),
    ...(input.description === undefined ? {} : { description: input.description }),
    source: input.source ?? by,
    ...(input.external_id === undefined ? {} : { external_id: input.external_id }),
    occurred_at: new Date(input.occurred_at ?? at).toISOString(),
    raised_at: at,
    state: 'new',
    updated_at: at,
    history: [{ action: 'raised', state: 'new', at, by }],
  };
}

/** The alarm after `action`, moving it to `state`. */
function withEntry(
  alarm: Alarm,
  action: AlarmAction,
  state: AlarmState,
  now: Date,
  by: string,
  note: string | undefined,
): Alarm {
  const at = now.toISOString();
  const entry: AlarmHistoryEntry = { action, state, at, by, ...(note === undefined ? {} : { note }) };
  const { snoozed_until: _until, ...rest } = alarm;
  return { ...rest, state, updated_at: at, history: [...alarm.history, entry] };
}

function refuse(alarm: Alarm, verb: string): never {
  const last = alarm.history.at(-1);
  const since = last === undefined ? '' : ` (by ${last.by} at ${last.at})`;
  throw new VigilError(
    ErrorCode.AlarmState,
    `Alarm ${alarm.alarm_id} is ${alarm.state}${since}: it cannot be ${verb}`,
    'state',
  );
}

/** A critical alarm needs a note to be dismissed: refuses (field note) when none is given. */
function needNote(alarm: Alarm, note: string | undefined, verb: string): void {
  if (alarm.severity === 'critical' && note === undefined) {
    throw new VigilError(
      ErrorCode.Validation,
      `note is required: a critical alarm cannot be ${verb} without a note saying what was done`,
      'note',
    );
  }
}

/** new or snoozed → acknowledged. */
export function acknowledged(alarm: Alarm, by: string, note: string | undefined, now: Date): Alarm {
  if (alarm.state !== 'new' && alarm.state !== 'snoozed') refuse(alarm, 'acknowledged');
  needNote(alarm, note, 'acknowledged');
  return withEntry(alarm, 'acknowledged', 'acknowledged', now, by, note);
}

/** anything but closed → closed; a critical alarm needs a note unless it was acknowledged with one. */
export function closed(alarm: Alarm, by: string, note: string | undefined, now: Date): Alarm {
  if (alarm.state === 'closed') refuse(alarm, 'closed again');
  const noted = alarm.history.some((entry) => entry.action === 'acknowledged' && entry.note !== undefined);
  if (!noted) needNote(alarm, note, 'closed');
  return withEntry(alarm, 'closed', 'closed', now, by, note);
}

/** new, acknowledged or snoozed → snoozed until `minutes` from now. */
export function snoozed(
  alarm: Alarm,
  by: string,
  minutes: number,
  note: string | undefined,
  now: Date,
): Alarm {
  if (alarm.state === 'closed') refuse(alarm, 'snoozed');
  const until = new Date(now.getTime() + minutes * 60_000).toISOString();
  return { ...withEntry(alarm, 'snoozed', 'snoozed', now, by, note), snoozed_until: until };
}

/** The state a snoozed alarm returns to: the last one it had before it was snoozed. */
export function stateBeforeSnooze(alarm: Alarm): AlarmState {
  const before = alarm.history.findLast((entry) => entry.state !== 'snoozed');
  return before?.state ?? 'new';
}

/** A snoozed alarm whose time ran out, back in the state it had. */
export function unsnoozed(alarm: Alarm, now: Date): Alarm {
  if (alarm.state !== 'snoozed') return alarm;
  return withEntry(alarm, 'unsnoozed', stateBeforeSnooze(alarm), now, STATION_ACTOR.name, undefined);
}

/** The alarm with its condition ended (motion stopped): `ended_at` set once, the state unchanged. */
export function ended(alarm: Alarm, by: string, note: string | undefined, now: Date): Alarm {
  if (alarm.ended_at !== undefined) return alarm;
  const changed = withEntry(alarm, 'ended', alarm.state, now, by, note);
  return {
    ...changed,
    ended_at: now.toISOString(),
    ...(alarm.snoozed_until === undefined ? {} : { snoozed_until: alarm.snoozed_until }),
  };
}
