import { describe, expect, it } from 'vitest';

import type { Alarm } from '../../../../renderer/alarms/alarm';
import {
  alarmNotes,
  countAlarms,
  lastChange,
  listAlarms,
  MAX_KEPT,
  mergeAlarms,
  upsertAlarm,
} from '../../../../renderer/alarms/alarmList';
import { alarm, changed } from './fixtures';

const byId = (...list: Alarm[]): ReadonlyMap<string, Alarm> => new Map(list.map((a) => [a.alarm_id, a]));
const ids = (list: readonly Alarm[]) => list.map((a) => a.alarm_id);

describe('the alarm list', () => {
  it('shows every alarm not closed, newest first', () => {
    const alarms = byId(alarm('a', {}, 1), alarm('c', {}, 3), changed(alarm('b', {}, 2), 'closed'));
    expect(ids(listAlarms(alarms, 'open'))).toEqual(['c', 'a']);
  });

  it.each<[Alarm['state'], string[]]>([
    ['new', ['n2', 'n1']],
    ['acknowledged', ['a']],
    ['snoozed', ['s']],
    ['closed', ['x']],
  ])('filters by state %s', (state, expected) => {
    const alarms = byId(
      alarm('n1', {}, 1),
      alarm('n2', {}, 2),
      changed(alarm('a', {}, 3), 'acknowledged'),
      changed(alarm('s', {}, 4), 'snoozed'),
      changed(alarm('x', {}, 5), 'closed'),
    );
    expect(ids(listAlarms(alarms, state))).toEqual(expected);
    expect(countAlarms(alarms)).toEqual({ new: 2, acknowledged: 1, snoozed: 1, closed: 1 });
  });

  it('takes the later word about an alarm: a list fetched before an event does not undo it', () => {
    const raised = alarm('a');
    const acked = changed(raised, 'acknowledged', 'seen');
    const afterEvent = upsertAlarm(byId(raised), acked);
    expect(afterEvent.get('a')?.state).toBe('acknowledged');
    expect(upsertAlarm(afterEvent, raised)).toBe(afterEvent);
    expect(mergeAlarms(afterEvent, [raised, alarm('b')]).get('a')?.state).toBe('acknowledged');
    expect(mergeAlarms(afterEvent, [raised, alarm('b')]).has('b')).toBe(true);
  });

  it('keeps at most MAX_KEPT alarms: every open one, then the newest closed ones', () => {
    let alarms: ReadonlyMap<string, Alarm> = byId(alarm('open-old', {}, 0));
    for (let i = 0; i < MAX_KEPT + 5; i++) {
      const raisedAt = new Date(Date.UTC(2026, 11, 2, 10, 1) + i * 1000).toISOString();
      alarms = upsertAlarm(alarms, changed(alarm(`x${i}`, { raised_at: raisedAt }), 'closed'));
    }
    expect(alarms.size).toBe(MAX_KEPT);
    expect(alarms.has('open-old')).toBe(true);
    expect(alarms.has(`x${MAX_KEPT + 4}`)).toBe(true);
    expect(alarms.has('x0')).toBe(false);
  });

  it("names an alarm's last change and its notes", () => {
    const a = changed(changed(alarm('a'), 'acknowledged', 'guard sent'), 'closed');
    expect(lastChange(a)?.state).toBe('closed');
    expect(alarmNotes(a).map((e) => e.note)).toEqual(['guard sent']);
  });
});
