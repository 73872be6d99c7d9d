// alarms.jsonl in the data folder: one line per change, each the alarm's whole new snapshot, so replaying
// keeps the last snapshot per id. Never the camera store. Retention drops closed alarms past their days;
// compaction rewrites the file with one line per alarm kept once superseded lines pile up.
import { join } from 'node:path';

import { Value } from 'typebox/value';

import { Alarm } from '../../common/alarms';
import { readJournal, type JournalDamage } from '../store/journal';
import { schemaProblem } from '../store/record-checks';

/** The alarm journal's file inside the data folder. */
export const ALARMS_FILE = 'alarms.jsonl';

/** Where the alarm journal of a data folder is. */
export function alarmJournalPath(dataDir: string): string {
  return join(dataDir, ALARMS_FILE);
}

/** One line of the journal: the alarm as it now is (`v` is the line format's version). */
export interface AlarmRecord {
  v: 1;
  alarm: Alarm;
}

/** Checks one journal line: its record, or what is wrong with it. */
export function checkAlarmRecord(value: unknown): AlarmRecord | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { v, alarm } = value as { v?: unknown; alarm?: unknown };
  if (v !== 1) return `unknown line version ${String(v)}`;
  if (!Value.Check(Alarm, alarm)) return `alarm ${schemaProblem(Alarm, alarm)?.text ?? 'is invalid'}`;
  return { v, alarm };
}

/** What loading the journal gave: the alarms by id (insertion order: oldest first), lines read and damage. */
export interface LoadedAlarms {
  alarms: Map<string, Alarm>;
  lines: number;
  damage: JournalDamage[];
}

/** Reads the journal: the last snapshot of each alarm. */
export function loadAlarms(path: string): LoadedAlarms {
  const { records, damage } = readJournal(path, checkAlarmRecord);
  const alarms = new Map<string, Alarm>();
  for (const { alarm } of records) alarms.set(alarm.alarm_id, alarm);
  return { alarms, lines: records.length, damage };
}

/** Whether a closed alarm is past retention (closed more than `days` ago); open alarms are always kept. */
export function expired(alarm: Alarm, now: Date, days: number): boolean {
  return alarm.state === 'closed' && now.getTime() - Date.parse(alarm.updated_at) > days * 86_400_000;
}

/** Whether the journal holds enough superseded lines to be worth rewriting. */
export function worthCompacting(lines: number, alarms: number): boolean {
  return lines > 1000 && lines > 3 * alarms;
}
