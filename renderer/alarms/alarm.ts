// The alarm as the desk sees it. Provisional: written from the agreed contract until alarms-core's
// common/alarms.ts lands; then this file re-exports its types and nothing else changes.

/** How loud an alarm is. */
export type AlarmSeverity = 'info' | 'warning' | 'critical';

/** Where an alarm is in its workflow. */
export type AlarmState = 'new' | 'acknowledged' | 'snoozed' | 'closed';

/** One alarm as the station serves and announces it. */
export interface Alarm {
  alarm_id: string;
  camera_ids: string[];
  severity: AlarmSeverity;
  title: string;
  description?: string;
  source: string;
  external_id?: string;
  occurred_at: string;
  raised_at: string;
  state: AlarmState;
  snoozed_until?: string;
  ended_at?: string;
  updated_at: string;
  history: { action: string; state: AlarmState; at: string; by: string; note?: string }[];
}
