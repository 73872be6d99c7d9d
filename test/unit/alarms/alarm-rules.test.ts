import { describe, expect, it } from 'vitest';

import {
  byOf,
  newAlarmId,
  raisedAlarm,
  snoozed,
  stateBeforeSnooze,
  unsnoozed,
} from '../../../main/alarms/alarm-rules';

const T0 = new Date('2026-12-02T10:00:00.000Z');

describe('alarm rules', () => {
  it('makes ids that sort by time', () => {
    const first = newAlarmId(T0);
    const later = newAlarmId(new Date(T0.getTime() + 1));
    expect(first).toMatch(/^alm_[0-9a-f]{20}$/);
    expect(first < later).toBe(true);
  });

  it.each([
    [{ kind: 'key', name: 'vas' } as const, 'Ana', 'vas'],
    [{ kind: 'desk', name: 'desk' } as const, ' Ana ', 'Ana'],
    [{ kind: 'desk', name: 'desk' } as const, undefined, 'desk'],
    [{ kind: 'station', name: 'motion' } as const, 'x', 'motion'],
  ])('records %o with operator %o as %s', (actor, operator, by) => {
    expect(byOf(actor, operator)).toBe(by);
  });

  it('a snooze returns to the state before it, also after snoozing twice', () => {
    const alarm = raisedAlarm(
      {
        camera_ids: ['gate'],
        severity: 'info',
        title: ' Door open ',
        occurred_at: '2026-12-02T09:59:00+01:00',
      },
      { kind: 'key', name: 'vas' },
      newAlarmId(T0),
      T0,
    );
    expect(alarm).toMatchObject({
      title: 'Door open',
      occurred_at: '2026-12-02T08:59:00.000Z',
      source: 'vas',
    });
    const twice = snoozed(snoozed(alarm, 'Ana', 5, undefined, T0), 'Ana', 10, 'later', T0);
    expect(stateBeforeSnooze(twice)).toBe('new');
    expect(twice.snoozed_until).toBe('2026-12-02T10:10:00.000Z');
    const back = unsnoozed(twice, T0);
    expect(back.state).toBe('new');
    expect(back).not.toHaveProperty('snoozed_until');
    expect(unsnoozed(back, T0)).toBe(back);
  });
});
