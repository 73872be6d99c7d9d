import { useEffect, useRef, useState } from 'react';

import { errorText, runInBackground } from '../../common/background';
import type { Alarm } from './alarm';
import { NAME_MAX } from './deskSettings';
import {
  actionBlocked,
  needsNote,
  NOTE_MAX,
  offersAction,
  SNOOZE_MINUTES,
  type AlarmAction,
} from './promptRules';

/** A desk action as the operator gave it. */
export interface DeskAction {
  action: AlarmAction;
  note: string;
  /** Who acts (recorded as `by`). */
  operator: string;
  /** For a snooze: how long. */
  minutes?: number;
}

/** The actions' inputs: the alarm, the operator, and what acting does. */
export interface AlarmActionsProps {
  alarm: Alarm;
  /** The operator's name; while empty the desk asks for it here, once. */
  operator: string;
  onOperator: (name: string) => void;
  onAct: (action: DeskAction) => Promise<unknown>;
  /** Whether the operator is typing a note (the stage holds still meanwhile). */
  onAnswering?: (answering: boolean) => void;
  /** Put the cursor in the note at once (the prompt of a new alarm), unless the operator is typing elsewhere. */
  autoFocus?: boolean;
}

const LABEL: Record<AlarmAction, string> = { acknowledge: 'Acknowledge', close: 'Close', snooze: 'Snooze' };

/**
 * The note, the operator's name (asked once) and the action buttons for one alarm; a button the rules hold back
 * says why in its title and under the buttons. Ctrl+Enter in the note acknowledges.
 */
export function AlarmActions({
  alarm,
  operator,
  onOperator,
  onAct,
  onAnswering,
  autoFocus,
}: AlarmActionsProps) {
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    const typing = document.activeElement?.matches('input, textarea, select, [contenteditable="true"]');
    if (autoFocus === true && typing !== true) noteField.current?.focus();
  }, [autoFocus]);
  const who = operator === '' ? name : operator;
  const input = { note, operator: who };
  const primary: AlarmAction = offersAction(alarm, 'acknowledge') ? 'acknowledge' : 'close';
  // What keeps the main button back (a missing note or name), or why the last action failed.
  const hint = problem ?? (alarm.state === 'closed' ? null : actionBlocked(alarm, primary, input));

  const act = (action: AlarmAction, minutes?: number): void => {
    if (busy || actionBlocked(alarm, action, input) !== null) return;
    if (operator === '') onOperator(who);
    setBusy(true);
    setProblem(null);
    runInBackground(
      onAct({ action, note, operator: who.trim(), ...(minutes === undefined ? {} : { minutes }) }).then(
        () => {
          setBusy(false);
          setNote('');
          onAnswering?.(false);
        },
      ),
      (error: unknown) => {
        setBusy(false);
        setProblem(errorText(error));
      },
    );
  };
  const button = (action: AlarmAction, minutes?: number) => {
    const blocked = actionBlocked(alarm, action, input);
    return (
      <button
        key={`${action}${minutes ?? ''}`}
        type="button"
        className={action === primary ? 'alarm-primary' : undefined}
        data-testid={
          minutes === undefined
            ? `alarm-${action === 'acknowledge' ? 'ack' : action}`
            : `alarm-snooze-${minutes}`
        }
        disabled={busy || blocked !== null}
        title={blocked ?? (minutes === undefined ? undefined : `Snooze for ${minutes} minutes`)}
        onClick={() => {
          act(action, minutes);
        }}
      >
        {minutes === undefined ? LABEL[action] : `${minutes} min`}
      </button>
    );
  };

  return (
    <div className="alarm-actions">
      {operator === '' && (
        <label className="alarm-operator">
          <span>Your name (asked once, kept for this wall)</span>
          <input
            data-testid="alarm-operator"
            value={name}
            maxLength={NAME_MAX}
            placeholder="Operator"
            autoComplete="name"
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </label>
      )}
      <textarea
        ref={noteField}
        data-testid="alarm-note"
        className="alarm-note"
        rows={2}
        maxLength={NOTE_MAX}
        placeholder={needsNote(alarm, primary) ? 'Note (required for a critical alarm)' : 'Note (optional)'}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          onAnswering?.(event.target.value.trim() !== '');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) act(primary);
        }}
      />
      <div className="alarm-buttons">
        {offersAction(alarm, 'acknowledge') && button('acknowledge')}
        {offersAction(alarm, 'close') && button('close')}
        {offersAction(alarm, 'snooze') && (
          <span className="alarm-snooze" role="group" aria-label="Snooze">
            <span className="muted">Snooze</span>
            {SNOOZE_MINUTES.map((minutes) => button('snooze', minutes))}
          </span>
        )}
      </div>
      {hint !== null && (
        <p className={problem ? 'note-error' : 'muted'} role="status" data-testid="alarm-action-note">
          {hint}
        </p>
      )}
    </div>
  );
}
