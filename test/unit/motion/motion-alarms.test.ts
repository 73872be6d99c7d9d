import pino from 'pino';
import { describe, expect, it } from 'vitest';

import type { Alarm, AlarmActor, AlarmInput } from '../../../common/alarms';
import { ErrorCode, VigilError } from '../../../common/errors';
import { MIN_ALARM_GAP_MS, MotionAlarms } from '../../../main/motion/motion-alarms';

/** An in-memory alarm service: raises, ends and closes, recording calls. */
function fakeAlarms() {
  const alarms = new Map<string, Alarm>();
  const calls: { verb: string; actor: AlarmActor; input?: AlarmInput; note?: string | undefined }[] = [];
  let refuse = false;
  return {
    alarms,
    calls,
    refuseNext: () => {
      refuse = true;
    },
    service: {
      raise: (input: AlarmInput, actor: AlarmActor): Promise<Alarm> => {
        calls.push({ verb: 'raise', actor, input });
        if (refuse) {
          refuse = false;
          return Promise.reject(new VigilError(ErrorCode.CameraNotFound, 'gone', 'camera_ids'));
        }
        const at = new Date().toISOString();
        const alarm: Alarm = {
          alarm_id: `alm_${alarms.size + 1}`,
          camera_ids: input.camera_ids,
          severity: input.severity,
          title: input.title,
          source: input.source ?? actor.name,
          occurred_at: input.occurred_at ?? at,
          raised_at: at,
          state: 'new',
          updated_at: at,
          history: [],
        };
        alarms.set(alarm.alarm_id, alarm);
        return Promise.resolve(alarm);
      },
      end: (alarmId: string, actor: AlarmActor, note?: string): Promise<Alarm> => {
        calls.push({ verb: 'end', actor, note });
        const alarm = { ...(alarms.get(alarmId) as Alarm), ended_at: new Date().toISOString() };
        alarms.set(alarmId, alarm);
        return Promise.resolve(alarm);
      },
      get: (alarmId: string): Alarm => {
        const alarm = alarms.get(alarmId);
        if (alarm === undefined) throw new VigilError(ErrorCode.AlarmNotFound, 'no', 'alarm_id');
        return alarm;
      },
    },
  };
}

const camera = { camera_id: 'yard', name: 'Yard', severity: 'critical' as const };
const T = Date.parse('2025-03-01T10:00:00.000Z');

describe('MotionAlarms', () => {
  it('raises a motion alarm on start (dated from the first moving frame) and records its end', async () => {
    const fake = fakeAlarms();
    const motion = new MotionAlarms(fake.service, pino({ level: 'silent' }));
    await motion.changed(camera, { kind: 'start', at: T, changedPercent: 3.25 });
    await motion.changed(camera, { kind: 'end', at: T + 12_400, startedAt: T, peakPercent: 6.21 });
    expect(fake.calls).toEqual([
      {
        verb: 'raise',
        actor: { kind: 'station', name: 'motion' },
        input: {
          camera_ids: ['yard'],
          severity: 'critical',
          title: 'Motion at Yard',
          description: 'Motion detected: 3.3 % of the watched picture changed.',
          source: 'motion',
          external_id: 'yard@2025-03-01T10:00:00.000Z',
          occurred_at: '2025-03-01T10:00:00.000Z',
        },
      },
      {
        verb: 'end',
        actor: { kind: 'station', name: 'motion' },
        note: 'Motion ended after 12.4 s (at most 6.2 % of the watched picture changed)',
      },
    ]);
  });

  it('raises nothing new for motion soon after an open motion alarm; again once it is closed or old', async () => {
    const fake = fakeAlarms();
    const motion = new MotionAlarms(fake.service, pino({ level: 'silent' }));
    const cycle = async (at: number) => {
      await motion.changed(camera, { kind: 'start', at, changedPercent: 2 });
      await motion.changed(camera, { kind: 'end', at: at + 3_000, startedAt: at, peakPercent: 2 });
    };
    await cycle(T);
    await cycle(T + 10_000);
    expect(fake.calls.map((c) => c.verb)).toEqual(['raise', 'end']);
    fake.alarms.set('alm_1', { ...(fake.alarms.get('alm_1') as Alarm), state: 'closed' });
    await cycle(T + 20_000);
    await cycle(T + 20_000 + MIN_ALARM_GAP_MS);
    expect(fake.calls.map((c) => c.verb)).toEqual(['raise', 'end', 'raise', 'end', 'raise', 'end']);
    expect(fake.alarms.size).toBe(3);
  });

  it('keeps going after a refused raise (logged): the end has nothing to end', async () => {
    const fake = fakeAlarms();
    const motion = new MotionAlarms(fake.service, pino({ level: 'silent' }));
    fake.refuseNext();
    await motion.changed(camera, { kind: 'start', at: T, changedPercent: 2 });
    await motion.changed(camera, { kind: 'end', at: T + 1_000, startedAt: T, peakPercent: 2 });
    expect(fake.calls.map((c) => c.verb)).toEqual(['raise']);
    await motion.changed(camera, { kind: 'start', at: T + 2_000, changedPercent: 2 });
    expect(fake.calls.map((c) => c.verb)).toEqual(['raise', 'raise']);
  });
});
