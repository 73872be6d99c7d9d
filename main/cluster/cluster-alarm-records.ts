// What cluster mode writes for alarms, as pure functions: the KV bucket `vigil_alarms` holds one record per alarm
// (key = alarm id) plus one index key per (source, external_id) naming the alarm raised with it; the stream
// `VIGIL_ALARMS` keeps every record written, on `vigil.alarms.<alarm id>`, as the audit trail.
import { createHash } from 'node:crypto';

import { Value } from 'typebox/value';

import { Alarm } from '../../common/alarms';
import { schemaProblem } from '../store/record-checks';
import type { ClusterStreamSpec } from './cluster-streams';

/** The KV bucket holding the cluster's alarms. */
export const ALARMS_BUCKET = 'vigil_alarms';

/** How long the audit trail keeps a change (the alarms' retention, 90 days). */
export const ALARM_AUDIT_DAYS = 90;

/** The audit trail: every alarm record written, by alarm. */
export const ALARMS_STREAM: ClusterStreamSpec = {
  name: 'VIGIL_ALARMS',
  subjects: ['vigil.alarms.>'],
  maxAgeMs: ALARM_AUDIT_DAYS * 86_400_000,
};

/** Prefix of the index keys (source, external_id) → alarm id. */
const EXTERNAL_PREFIX = 'ext.';

/** One alarm as the bucket and the stream hold it: its state, the station that wrote it and what changed. */
export interface ClusterAlarmRecord {
  v: 1;
  /** The station that made this change. */
  station: string;
  change: 'raised' | 'updated';
  alarm: Alarm;
}

/** The index key of a raise's (source, external_id): a hash, so any text fits a KV key. */
export function externalIndexKey(source: string, externalId: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([source, externalId]))
    .digest('hex');
  return `${EXTERNAL_PREFIX}${hash}`;
}

/** Whether a bucket key is an index key (not an alarm). */
export function isIndexKey(key: string): boolean {
  return key.startsWith(EXTERNAL_PREFIX);
}

/** The audit trail's subject for an alarm. */
export function alarmSubject(alarmId: string): string {
  return `vigil.alarms.${alarmId}`;
}

/** The audit message id of one write (a retried publish of the same write is kept once). */
export function auditMessageId(alarmId: string, revision: number): string {
  return `${alarmId}.${revision}`;
}

/** Checks a record read from NATS: the record, or what is wrong with it. */
export function checkClusterAlarmRecord(value: unknown): ClusterAlarmRecord | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { v, station, change, alarm } = value as Partial<Record<keyof ClusterAlarmRecord, unknown>>;
  if (v !== 1) return `unknown record version ${String(v)}`;
  if (typeof station !== 'string') return 'station is not a string';
  if (change !== 'raised' && change !== 'updated') return `unknown change ${String(change)}`;
  if (!Value.Check(Alarm, alarm)) return `alarm ${schemaProblem(Alarm, alarm)?.text ?? 'is invalid'}`;
  return { v, station, change, alarm };
}

/** Parses a record's bytes: the record, or what is wrong with them. */
export function parseClusterAlarmRecord(bytes: Uint8Array): ClusterAlarmRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return 'not JSON';
  }
  return checkClusterAlarmRecord(value);
}
