import { describe, expect, it } from 'vitest';

import type { Alarm } from '../../../../renderer/alarms/alarm';
import {
  actionBlocked,
  needsNote,
  noteToSend,
  NOTE_MAX,
  offersAction,
  type AlarmAction,
} from '../../../../renderer/alarms/promptRules';
import { alarm, changed } from './fixtures';

const critical = alarm('c', { severity: 'critical' });
const input = (note = '', operator = 'Ana') => ({ note, operator });

describe('the alarm prompt rules', () => {
  it.each<[Alarm['state'], AlarmAction[]]>([
    ['new', ['acknowledge', 'close', 'snooze']],
    ['snoozed', ['acknowledge', 'close']],
    ['acknowledged', ['close']],
    ['closed', []],
  ])('a %s alarm offers %j', (state, actions) => {
    const a = state === 'new' ? alarm('a') : changed(alarm('a'), state);
    const offered = (['acknowledge', 'close', 'snooze'] as const).filter((action) => offersAction(a, action));
    expect(offered).toEqual(actions);
  });

  it('never dismisses a critical alarm without a note', () => {
    for (const action of ['acknowledge', 'close', 'snooze'] as const) {
      expect(needsNote(critical, action)).toBe(true);
      expect(actionBlocked(critical, action, input())).toBe('A critical alarm needs a note');
      expect(actionBlocked(critical, action, input('   '))).toBe('A critical alarm needs a note');
      expect(actionBlocked(critical, action, input('guard sent'))).toBeNull();
    }
  });

  it('closes a critical alarm acknowledged with a note without another', () => {
    const acked = changed(critical, 'acknowledged', 'guard sent');
    expect(needsNote(acked, 'close')).toBe(false);
    expect(actionBlocked(acked, 'close', input())).toBeNull();
    expect(needsNote(changed(critical, 'acknowledged'), 'close')).toBe(true);
  });

  it('lets a warning or info alarm go with or without a note', () => {
    expect(actionBlocked(alarm('w'), 'acknowledge', input())).toBeNull();
    expect(actionBlocked(alarm('i', { severity: 'info' }), 'snooze', input())).toBeNull();
  });

  it('asks for the operator first, refuses an action the state does not offer and an overlong note', () => {
    expect(actionBlocked(alarm('w'), 'acknowledge', input('', ' '))).toBe('Enter your name first');
    expect(actionBlocked(changed(alarm('w'), 'closed'), 'close', input())).toBe('The alarm is closed');
    expect(actionBlocked(alarm('w'), 'close', input('x'.repeat(NOTE_MAX + 1)))).toMatch(/longer than/);
  });

  it('sends a note trimmed, and none when blank', () => {
    expect(noteToSend('  guard sent \n')).toBe('guard sent');
    expect(noteToSend(' \n ')).toBeUndefined();
  });
});
