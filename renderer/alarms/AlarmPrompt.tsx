import type { ReactNode } from 'react';

import type { Alarm } from './alarm';
import { AlarmActions, type DeskAction } from './AlarmActions';
import { ago, cameraNames } from './alarmText';
import type { CueOutcome } from './soundCue';
import { clockTime } from '../wall/tileState';

/** The prompt's inputs: the alarm on stage, what waits behind it, and the desk around it. */
export interface AlarmPromptProps {
  alarm: Alarm;
  /** How many more alarms wait for the desk. */
  waiting: number;
  now: number;
  cameraName: (cameraId: string) => string | undefined;
  /** Where the alarm's camera is shown, in words (`on this wall`, `on wall desk-1-right`). */
  shownWhere: string;
  /** The pre-alarm replay beside the live camera. */
  replay: ReactNode;
  /** What became of the sound cue for this alarm. */
  cue: CueOutcome | null;
  operator: string;
  onOperator: (name: string) => void;
  onAct: (alarm: Alarm, action: DeskAction) => Promise<unknown>;
  onAnswering: (answering: boolean) => void;
}

const CUE_WORDS: Record<CueOutcome, string> = {
  played: '',
  muted: 'sound muted',
  blocked: 'sound held by the browser until you click the page',
};

/**
 * The alarm that took the desk over: severity, title, cameras, when, the pre-alarm replay, and the actions the
 * operator must take — it stays until the alarm is acknowledged, snoozed or closed (here or on another wall).
 */
export function AlarmPrompt(props: AlarmPromptProps) {
  const { alarm, now } = props;
  return (
    <section
      className={`alarm-prompt alarm-${alarm.severity}`}
      data-testid="alarm-prompt"
      data-alarm-id={alarm.alarm_id}
      data-severity={alarm.severity}
      data-cue={props.cue ?? ''}
      role="alertdialog"
      aria-label={`${alarm.severity} alarm: ${alarm.title}`}
    >
      <header className="alarm-prompt-head">
        <span className="alarm-severity">{alarm.severity}</span>
        <strong className="alarm-title">{alarm.title}</strong>
        {props.waiting > 0 && (
          <span className="alarm-waiting" data-testid="alarm-waiting" title="Alarms waiting after this one">
            {`+${props.waiting} waiting`}
          </span>
        )}
      </header>
      <p className="alarm-prompt-where">
        <span>{cameraNames(alarm, props.cameraName)}</span>
        <span className="muted">
          {' '}
          · {alarm.source} · {clockTime(alarm.occurred_at)} ({ago(alarm.occurred_at, now)})
        </span>
      </p>
      {alarm.description && <p className="alarm-description">{alarm.description}</p>}
      <div className="alarm-replay-box">{props.replay}</div>
      <p className="alarm-prompt-note muted">
        {`Live ${props.shownWhere}${props.cue !== null && CUE_WORDS[props.cue] !== '' ? ` · ${CUE_WORDS[props.cue]}` : ''}`}
      </p>
      <AlarmActions
        key={alarm.alarm_id}
        alarm={alarm}
        operator={props.operator}
        onOperator={props.onOperator}
        onAct={(action) => props.onAct(alarm, action)}
        onAnswering={props.onAnswering}
        autoFocus
      />
    </section>
  );
}
