import { Type } from 'typebox';

import { Alarm, AlarmActionInput, AlarmId, AlarmInput, AlarmQuery, AlarmSnoozeInput } from '../alarms';
import type { ResourceContracts } from './contract';

/** Alarms (`/alarms`): alarm and manage keys raise, the desk (manage) acknowledges, snoozes and closes. */
export const alarmContracts = {
  'alarms.raise': {
    args: [AlarmInput],
    output: Alarm,
    scope: 'alarm',
    summary:
      'Raise an alarm on one or more cameras (201); the same source and external_id again answers the first alarm',
    handler: 'alarms.raise',
    actor: true,
  },
  'alarms.list': {
    args: [AlarmQuery],
    output: Type.Array(Alarm),
    scope: 'alarm-read',
    summary: 'Alarms, newest first, filtered by state, camera, severity and occurred_at range',
    handler: 'alarms.list',
  },
  'alarms.get': {
    args: [AlarmId],
    output: Alarm,
    scope: 'alarm-read',
    summary: 'One alarm with its history',
    handler: 'alarms.get',
  },
  'alarms.acknowledge': {
    args: [AlarmId, AlarmActionInput],
    output: Alarm,
    scope: 'manage',
    summary:
      'Acknowledge an alarm (a critical one needs a note); 409 when it is closed or already acknowledged',
    handler: 'alarms.acknowledge',
    actor: true,
  },
  'alarms.close': {
    args: [AlarmId, AlarmActionInput],
    output: Alarm,
    scope: 'manage',
    summary: 'Close an alarm (a critical one needs a note unless acknowledged with one); 409 when closed',
    handler: 'alarms.close',
    actor: true,
  },
  'alarms.snooze': {
    args: [AlarmId, AlarmSnoozeInput],
    output: Alarm,
    scope: 'manage',
    summary: 'Snooze an alarm for some minutes; it then returns to the state it had',
    handler: 'alarms.snooze',
    actor: true,
  },
} as const satisfies ResourceContracts<'alarms'>;
