// Motion as an alarm source: a motion start raises an alarm `source: "motion"` (the camera's severity, dated from
// the first moving frame, idempotent on camera + start time), its end is recorded on that alarm. A camera that
// keeps starting and stopping (a tree in the wind) does not bury the desk: a start within MIN_ALARM_GAP_MS of the
// camera's last motion alarm, while that alarm is still open, raises nothing new.
import type { Logger } from 'pino';

import type { Alarm, AlarmActor } from '../../common/alarms';
import type { MotionSeverity } from '../../common/motion';
import type { AlarmService } from '../alarms/service';
import type { MotionChange } from './motion-detector';

/** Who motion alarms are raised and ended by. */
export const MOTION_ACTOR: AlarmActor = { kind: 'station', name: 'motion' };

/** The alarms' `source`. */
export const MOTION_SOURCE = 'motion';

/** A motion start this soon after the camera's last motion alarm (still open) raises no new one. */
export const MIN_ALARM_GAP_MS = 30_000;

/** The camera a change happened at, as the alarm names it. */
export interface MotionCamera {
  camera_id: string;
  name: string;
  severity: MotionSeverity;
}

interface LastAlarm {
  raisedAt: number;
  /** Still being raised. */
  pending: boolean;
  /** Its id once raised (undefined if the raise was refused). */
  alarmId?: string;
}

/** Turns one station's motion changes into alarms (raise on start, end on end). */
export class MotionAlarms {
  readonly #alarms: Pick<AlarmService, 'raise' | 'end' | 'get'>;
  readonly #logger: Logger;
  readonly #last = new Map<string, LastAlarm>();
  /** The alarm the current motion of each camera raised (absent while still or when it raised none). */
  readonly #current = new Map<string, Promise<Alarm | undefined>>();

  constructor(alarms: Pick<AlarmService, 'raise' | 'end' | 'get'>, logger: Logger) {
    this.#alarms = alarms;
    this.#logger = logger;
  }

  /** Acts on one change; never throws (a refused raise is logged). Resolves once the alarm side is done. */
  async changed(camera: MotionCamera, change: MotionChange): Promise<void> {
    if (change.kind === 'start') {
      const alarm = this.#held(camera.camera_id, change.at) ? undefined : this.#raise(camera, change);
      if (alarm !== undefined) this.#current.set(camera.camera_id, alarm);
      await alarm;
      return;
    }
    const raised = this.#current.get(camera.camera_id);
    this.#current.delete(camera.camera_id);
    const alarm = await raised;
    if (alarm === undefined) return;
    const seconds = ((change.at - change.startedAt) / 1000).toFixed(1);
    const note = `Motion ended after ${seconds} s (at most ${change.peakPercent.toFixed(1)} % of the watched picture changed)`;
    await this.#alarms.end(alarm.alarm_id, MOTION_ACTOR, note).catch((error: unknown) => {
      this.#logger.warn({ err: error, alarmId: alarm.alarm_id }, 'could not record the end of motion');
    });
  }

  /** Forgets a removed camera's last alarm (its current motion still ends on its alarm). */
  forget(cameraId: string): void {
    this.#last.delete(cameraId);
  }

  #raise(camera: MotionCamera, change: Extract<MotionChange, { kind: 'start' }>): Promise<Alarm | undefined> {
    const occurredAt = new Date(change.at).toISOString();
    const raised = this.#alarms
      .raise(
        {
          camera_ids: [camera.camera_id],
          severity: camera.severity,
          title: `Motion at ${camera.name}`,
          description: `Motion detected: ${change.changedPercent.toFixed(1)} % of the watched picture changed.`,
          source: MOTION_SOURCE,
          external_id: `${camera.camera_id}@${occurredAt}`,
          occurred_at: occurredAt,
        },
        MOTION_ACTOR,
      )
      .catch((error: unknown) => {
        this.#logger.warn({ err: error, cameraId: camera.camera_id }, 'could not raise a motion alarm');
        return undefined;
      });
    const last: LastAlarm = { raisedAt: change.at, pending: true };
    this.#last.set(camera.camera_id, last);
    return raised.then((alarm) => {
      last.pending = false;
      if (alarm !== undefined) last.alarmId = alarm.alarm_id;
      return alarm;
    });
  }

  /** Whether a start at `at` is held back: the camera's last motion alarm is recent and still open. */
  #held(cameraId: string, at: number): boolean {
    const last = this.#last.get(cameraId);
    if (last === undefined || at - last.raisedAt >= MIN_ALARM_GAP_MS) return false;
    const open = this.#openNow(last);
    if (open) this.#logger.debug({ cameraId }, 'motion again soon after its last alarm: no new alarm');
    return open;
  }

  /** Whether the last alarm is open: still being raised, or raised and not closed since. */
  #openNow(last: LastAlarm): boolean {
    if (last.pending) return true;
    if (last.alarmId === undefined) return false;
    try {
      return this.#alarms.get(last.alarmId).state !== 'closed';
    } catch {
      return false;
    }
  }
}
