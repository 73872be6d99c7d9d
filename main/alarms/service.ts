// What the station's alarms offer the REST API, IPC and other main modules (motion detection raises through
// `raise`): AlarmBook (alarm-book.ts) implements it.
import type {
  Alarm,
  AlarmActionInput,
  AlarmActor,
  AlarmInput,
  AlarmQuery,
  AlarmSnoozeInput,
} from '../../common/alarms';

/** The station's alarms: raise (idempotent on source + external_id), list, get, and the desk's actions. */
export interface AlarmService {
  /**
   * Raises an alarm, or answers the existing one when `source` + `external_id` was raised before (also when
   * both raises arrive at once). Unknown camera ids are refused (`VIGIL_ERR_CAMERA_NOT_FOUND`, field camera_ids).
   */
  raise(input: AlarmInput, actor: AlarmActor): Promise<Alarm>;
  /** Alarms matching the filters, newest first. */
  list(query: AlarmQuery): Alarm[];
  /** One alarm; `VIGIL_ERR_ALARM_NOT_FOUND` (field alarm_id) when unknown. */
  get(alarmId: string): Alarm;
  /** new/snoozed → acknowledged; `VIGIL_ERR_ALARM_STATE` (409) naming the state otherwise. */
  acknowledge(alarmId: string, input: AlarmActionInput, actor: AlarmActor): Promise<Alarm>;
  /** any but closed → closed. */
  close(alarmId: string, input: AlarmActionInput, actor: AlarmActor): Promise<Alarm>;
  /** new/acknowledged → snoozed for `minutes`, then back to the state it had. */
  snooze(alarmId: string, input: AlarmSnoozeInput, actor: AlarmActor): Promise<Alarm>;
  /** Records that the alarm's condition ended (motion stopped), without changing its state; idempotent. */
  end(alarmId: string, actor: AlarmActor, note?: string): Promise<Alarm>;
}
