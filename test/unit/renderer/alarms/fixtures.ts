import type { Alarm } from '../../../../renderer/alarms/alarm';

/** An alarm for the desk's tests: new, on camera `gate`, raised at `minute` past 10:00 UTC. */
export function alarm(id: string, over: Partial<Alarm> = {}, minute = 0): Alarm {
  const at = `2026-12-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
  return {
    alarm_id: id,
    camera_ids: ['gate'],
    severity: 'warning',
    title: `Alarm ${id}`,
    source: 'vas',
    occurred_at: at,
    raised_at: at,
    updated_at: at,
    state: 'new',
    history: [{ action: 'raised', state: 'new', at, by: 'vas' }],
    ...over,
  };
}

/** The alarm after a desk action: its state and one more history entry. */
export function changed(a: Alarm, state: Alarm['state'], note?: string): Alarm {
  const at = '2026-12-02T11:00:00.000Z';
  const action: Alarm['history'][number]['action'] = state === 'new' ? 'unsnoozed' : state;
  const entry = { action, state, at, by: 'Ana', ...(note === undefined ? {} : { note }) };
  return { ...a, state, updated_at: at, history: [...a.history, entry] };
}
