import { describe, expect, it } from 'vitest';

import {
  byUrgency,
  nextOnStage,
  severityRank,
  takesOverWall,
  waitingAlarms,
} from '../../../../renderer/alarms/alarmQueue';
import { alarm, changed } from './fixtures';

const ids = (list: readonly { alarm_id: string }[]) => list.map((a) => a.alarm_id);

describe('waitingAlarms', () => {
  it('queues new alarms only, highest severity first, then the one that happened first', () => {
    const list = [
      alarm('w-late', { severity: 'warning' }, 5),
      alarm('i', { severity: 'info' }, 0),
      alarm('c', { severity: 'critical' }, 9),
      alarm('w-early', { severity: 'warning' }, 1),
      changed(alarm('acked', { severity: 'critical' }), 'acknowledged'),
      changed(alarm('snoozed', { severity: 'critical' }), 'snoozed'),
      changed(alarm('closed', { severity: 'critical' }), 'closed'),
    ];
    expect(ids(waitingAlarms(list))).toEqual(['c', 'w-early', 'w-late', 'i']);
  });

  it('leaves out alarms milder than the takeover setting', () => {
    const list = [alarm('i', { severity: 'info' }), alarm('w'), alarm('c', { severity: 'critical' })];
    expect(ids(waitingAlarms(list, 'warning'))).toEqual(['c', 'w']);
    expect(ids(waitingAlarms(list, 'critical'))).toEqual(['c']);
  });

  it('breaks a tie of severity and time by id, so every wall queues alike', () => {
    expect(byUrgency(alarm('a'), alarm('b'))).toBeLessThan(0);
    expect(severityRank('critical')).toBeGreaterThan(severityRank('warning'));
  });
});

describe('nextOnStage', () => {
  const warning = alarm('w', {}, 0);
  const critical = alarm('c', { severity: 'critical' }, 3);
  const info = alarm('i', { severity: 'info' }, 1);

  it.each<[string, string | null, ReturnType<typeof alarm>[], boolean, string | null]>([
    ['an empty desk takes the most urgent', null, [critical, warning], false, 'c'],
    ['nothing waits: nothing on stage', 'w', [], false, null],
    ['the alarm on stage stays for a milder one', 'w', [warning, info], false, 'w'],
    ['the alarm on stage stays for an equal one', 'w', [warning, alarm('w2', {}, 5)], false, 'w'],
    ['a more severe alarm takes the stage', 'w', [critical, warning], false, 'c'],
    ['…but not while the operator types a note', 'w', [critical, warning], true, 'w'],
    ['handled elsewhere: the next most urgent follows', 'gone', [warning, info], false, 'w'],
    ['handled while typing: the next follows all the same', 'gone', [info], true, 'i'],
  ])('%s', (_, current, waiting, answering, expected) => {
    expect(nextOnStage(current, waiting, answering)).toBe(expected);
  });
});

describe('takesOverWall', () => {
  it.each<[string | null, string | null, boolean]>([
    [null, null, true],
    ['desk-1-left', '', true],
    ['desk-1-left', 'desk-1-right', false],
    [null, 'desk-1-right', false],
    ['desk-1-right', 'desk-1-right', true],
  ])('wall %s with alarm wall %s: %s', (wall, alarmWall, expected) => {
    expect(takesOverWall(wall, alarmWall)).toBe(expected);
  });
});
