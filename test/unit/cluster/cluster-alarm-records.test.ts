// What cluster mode writes for alarms and events: keys, subjects and records, as pure functions.
import { describe, expect, it } from 'vitest';

import { raisedAlarm } from '../../../main/alarms/alarm-rules';
import {
  alarmSubject,
  auditMessageId,
  checkClusterAlarmRecord,
  externalIndexKey,
  isIndexKey,
  parseClusterAlarmRecord,
} from '../../../main/cluster/cluster-alarm-records';
import { eventSubject } from '../../../main/cluster/cluster-events';
import { streamConfig, subjectToken } from '../../../main/cluster/cluster-streams';

const alarm = raisedAlarm(
  { camera_ids: ['gate'], severity: 'info', title: 'Gate' },
  { kind: 'key', name: 'vas' },
  'alm_0000000000010000000a',
  new Date('2026-12-02T10:00:00.000Z'),
);

describe('cluster alarm records', () => {
  it('derives one KV-safe index key per (source, external_id), never confusable across the pair', () => {
    const key = externalIndexKey('vas portal', 'cam/1 *>');
    expect(key).toMatch(/^ext\.[0-9a-f]{64}$/);
    expect(externalIndexKey('vas portal', 'cam/1 *>')).toBe(key);
    expect(externalIndexKey('a', 'bc')).not.toBe(externalIndexKey('ab', 'c'));
    expect(isIndexKey(key)).toBe(true);
    expect(isIndexKey(alarm.alarm_id)).toBe(false);
  });

  it('names the audit subject and message id of a write', () => {
    expect(alarmSubject(alarm.alarm_id)).toBe('vigil.alarms.alm_0000000000010000000a');
    expect(auditMessageId(alarm.alarm_id, 12)).toBe('alm_0000000000010000000a.12');
  });

  it('checks records read from NATS, saying what is wrong', () => {
    const record = { v: 1, station: 'st1', change: 'raised', alarm };
    expect(checkClusterAlarmRecord(record)).toEqual(record);
    expect(parseClusterAlarmRecord(new TextEncoder().encode(JSON.stringify(record)))).toEqual(record);
    expect(parseClusterAlarmRecord(new TextEncoder().encode('{'))).toBe('not JSON');
    expect(checkClusterAlarmRecord({ ...record, v: 2 })).toBe('unknown record version 2');
    expect(checkClusterAlarmRecord({ ...record, change: 'moved' })).toBe('unknown change moved');
    expect(checkClusterAlarmRecord({ ...record, alarm: { ...alarm, state: 'lost' } })).toMatch(/^alarm /);
  });
});

describe('cluster streams and event subjects', () => {
  it('keeps station ids subject-safe and puts the event type last', () => {
    expect(subjectToken('st.1 *>')).toBe('st_1___');
    expect(eventSubject('3f2a9c01', 'alarm.raised')).toBe('vigil.events.3f2a9c01.alarm.raised');
  });

  it('configures max age in nanoseconds and a duplicate window for retried publishes', () => {
    const config = streamConfig({ name: 'VIGIL_X', subjects: ['vigil.x.>'], maxAgeMs: 86_400_000 });
    expect(config).toMatchObject({ name: 'VIGIL_X', subjects: ['vigil.x.>'], max_age: 86_400 * 1e9 });
    expect(config.duplicate_window).toBe(120 * 1e9);
  });
});
