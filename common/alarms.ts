// Alarms: what a VAS, motion detection or an operator raises, and the desk acknowledges, snoozes and closes.
// The contract of `/alarms` (common/operations/alarms.ts) and of the `alarm.raised` / `alarm.updated` events.
import { Type, type Static } from 'typebox';

import { CameraId } from './camera';
import { ALARM_ID, FREE_TEXT, TEXT_LINE } from './patterns';

/** How urgent an alarm is; the desk colours and orders by it, and critical ones need a note to dismiss. */
export const ALARM_SEVERITIES = ['info', 'warning', 'critical'] as const;

/** An alarm's severity. */
export const AlarmSeverity = Type.Enum(ALARM_SEVERITIES);

/** An alarm's severity. */
export type AlarmSeverity = Static<typeof AlarmSeverity>;

/** Where an alarm is in its workflow: new → acknowledged → closed, snoozed aside (it returns by itself). */
export const ALARM_STATES = ['new', 'acknowledged', 'snoozed', 'closed'] as const;

/** An alarm's state. */
export const AlarmState = Type.Enum(ALARM_STATES);

/** An alarm's state. */
export type AlarmState = Static<typeof AlarmState>;

/** What happened to an alarm, one per history entry. */
export const ALARM_ACTIONS = ['raised', 'acknowledged', 'snoozed', 'unsnoozed', 'closed', 'ended'] as const;

/** One action on an alarm. */
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** An alarm's id: `alm_` and 20 hex digits (time-ordered). */
export const AlarmId = Type.String({ pattern: ALARM_ID.pattern });

/** Who raised an alarm (`motion`, `vas-portal`, …): with `external_id` it makes a raise idempotent. */
export const AlarmSource = Type.String({ minLength: 1, maxLength: 64, pattern: TEXT_LINE.pattern });

/** The desk operator's name as entered at sign-in; recorded as `by` only for the desk (session or desktop). */
const Operator = Type.String({ minLength: 1, maxLength: 64, pattern: TEXT_LINE.pattern });

/** A note an operator adds to an action. */
const Note = Type.String({ minLength: 1, maxLength: 2000, pattern: FREE_TEXT.pattern });

const Timestamp = Type.String({ format: 'date-time' });

/** What `POST /alarms` takes. */
export const AlarmInput = Type.Object(
  {
    camera_ids: Type.Array(CameraId, { minItems: 1, maxItems: 64, uniqueItems: true }),
    severity: AlarmSeverity,
    title: Type.String({ minLength: 1, maxLength: 200, pattern: TEXT_LINE.pattern }),
    description: Type.Optional(Type.String({ maxLength: 4000, pattern: FREE_TEXT.pattern })),
    /** Default: the raising key's name (`desk` for the desk). */
    source: Type.Optional(AlarmSource),
    /** The raiser's own id for this alarm: a second raise with the same source and external_id answers the first. */
    external_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: TEXT_LINE.pattern })),
    /** When it happened (default: now); the desk replays from 10 s before it. */
    occurred_at: Type.Optional(Timestamp),
    operator: Type.Optional(Operator),
  },
  { additionalProperties: false, $id: 'AlarmInput' },
);

/** A new alarm. */
export type AlarmInput = Static<typeof AlarmInput>;

/** What acknowledge and close take (both optional; a critical alarm needs a note to be acknowledged or closed). */
export const AlarmActionInput = Type.Object(
  { note: Type.Optional(Note), operator: Type.Optional(Operator) },
  { additionalProperties: false, $id: 'AlarmActionInput' },
);

/** An acknowledge or close. */
export type AlarmActionInput = Static<typeof AlarmActionInput>;

/** What snooze takes: for how long (1 minute to 24 hours); it then returns to the state it had. */
export const AlarmSnoozeInput = Type.Object(
  {
    minutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    note: Type.Optional(Note),
    operator: Type.Optional(Operator),
  },
  { additionalProperties: false, $id: 'AlarmSnoozeInput' },
);

/** A snooze. */
export type AlarmSnoozeInput = Static<typeof AlarmSnoozeInput>;

/** `GET /alarms`'s filters: state, camera, occurred_at range; newest first, at most `limit` (default 100). */
export const AlarmQuery = Type.Object(
  {
    state: Type.Optional(AlarmState),
    camera_id: Type.Optional(CameraId),
    severity: Type.Optional(AlarmSeverity),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false, $id: 'AlarmQuery' },
);

/** The alarm list's filters. */
export type AlarmQuery = Static<typeof AlarmQuery>;

/** One entry of an alarm's history: the action, the state it left, when and by whom. */
export const AlarmHistoryEntry = Type.Object({
  action: Type.Enum(ALARM_ACTIONS),
  state: AlarmState,
  at: Timestamp,
  /** The API key's name, the desk operator's name, or `station` (a snooze running out). */
  by: Type.String(),
  note: Type.Optional(Type.String()),
});

/** One history entry. */
export type AlarmHistoryEntry = Static<typeof AlarmHistoryEntry>;

/** An alarm as stored and served. */
export const Alarm = Type.Object(
  {
    alarm_id: AlarmId,
    camera_ids: Type.Array(CameraId),
    severity: AlarmSeverity,
    title: Type.String(),
    description: Type.Optional(Type.String()),
    source: Type.String(),
    external_id: Type.Optional(Type.String()),
    occurred_at: Timestamp,
    raised_at: Timestamp,
    state: AlarmState,
    /** While snoozed: when it returns to the state it had. */
    snoozed_until: Type.Optional(Timestamp),
    /** When its source said the condition ended (motion stopped); the workflow state is unchanged. */
    ended_at: Type.Optional(Timestamp),
    updated_at: Timestamp,
    history: Type.Array(AlarmHistoryEntry),
  },
  { $id: 'Alarm' },
);

/** An alarm. */
export type Alarm = Static<typeof Alarm>;

/**
 * Who does something to an alarm (main passes it to AlarmService; never sent by a client): an API key (`by` is
 * its name), the desk (a signed-in browser wall or the desktop app: `by` is the operator's name it sends, else
 * `name`), or the station itself (motion detection, a snooze running out).
 */
export interface AlarmActor {
  kind: 'key' | 'desk' | 'station';
  name: string;
}
