import type { Alarm } from './alarm';
import { AlarmActions, type DeskAction } from './AlarmActions';
import { alarmNotes } from './alarmList';
import { cameraNames, stateLine } from './alarmText';
import { clockTime } from '../wall/tileState';

/** One row's inputs: the alarm, camera names, whether it is open for actions, and what acting does. */
export interface AlarmRowProps {
  alarm: Alarm;
  cameraName: (cameraId: string) => string | undefined;
  expanded: boolean;
  /** It is the alarm in the prompt above the list. */
  staged: boolean;
  onToggle: () => void;
  operator: string;
  onOperator: (name: string) => void;
  onAct: (alarm: Alarm, action: DeskAction) => Promise<unknown>;
  /** Shows the alarm's cameras on this wall's hotspot. */
  onShow: (alarm: Alarm) => void;
}

/**
 * One alarm in the list: a severity bar, when it happened, its title, cameras and source, its state; opened, its
 * description, the operators' notes and the actions.
 */
export function AlarmRow(props: AlarmRowProps) {
  const { alarm, expanded } = props;
  const notes = alarmNotes(alarm);
  return (
    <li
      className={`alarm-row alarm-${alarm.severity} alarm-state-${alarm.state}${expanded ? ' alarm-row-open' : ''}${props.staged ? ' alarm-row-staged' : ''}`}
      data-testid={`alarm-row-${alarm.alarm_id}`}
      data-state={alarm.state}
      data-severity={alarm.severity}
    >
      <button
        type="button"
        className="alarm-row-head"
        aria-expanded={expanded}
        onClick={props.onToggle}
        onDoubleClick={() => {
          props.onShow(alarm);
        }}
        title="Click for details and actions; double-click to show its camera"
      >
        <time dateTime={alarm.occurred_at}>{clockTime(alarm.occurred_at)}</time>
        <strong className="alarm-title">{alarm.title}</strong>
        <span className={`alarm-chip chip-${alarm.state}`}>{alarm.state}</span>
        <span className="alarm-where">
          {cameraNames(alarm, props.cameraName)} · {alarm.source}
        </span>
        {alarm.state !== 'new' && <span className="alarm-last">{stateLine(alarm)}</span>}
      </button>
      {expanded && (
        <div className="alarm-detail">
          {alarm.description && <p className="alarm-description">{alarm.description}</p>}
          {notes.length > 0 && (
            <ul className="alarm-notes" data-testid="alarm-notes">
              {notes.map((entry) => (
                <li key={`${entry.at}${entry.state}`}>
                  <span className="muted">
                    {clockTime(entry.at)} {entry.by} ({entry.state}):
                  </span>{' '}
                  {entry.note}
                </li>
              ))}
            </ul>
          )}
          <div className="alarm-detail-tools">
            <button
              type="button"
              data-testid="alarm-show"
              onClick={() => {
                props.onShow(alarm);
              }}
            >
              Show camera
            </button>
          </div>
          {props.staged && <p className="muted">Answer it in the prompt above.</p>}
          {alarm.state !== 'closed' && !props.staged && (
            <AlarmActions
              alarm={alarm}
              operator={props.operator}
              onOperator={props.onOperator}
              onAct={(action) => props.onAct(alarm, action)}
            />
          )}
        </div>
      )}
    </li>
  );
}
