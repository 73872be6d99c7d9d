// What the operator may do with an alarm and what each action needs: the rules behind the alarm prompt and
// the list's buttons. Pure, so they are tested; the station checks its own rules again.
import type { Alarm } from './alarm';

/** A desk action on an alarm. */
export type AlarmAction = 'acknowledge' | 'close' | 'snooze';

/** Snooze lengths the desk offers, in minutes. */
export const SNOOZE_MINUTES: readonly number[] = [5, 15, 60];

/** The longest note the desk sends (the station's limit for a note). */
export const NOTE_MAX = 2000;

/**
 * Whether an action fits the alarm's state: a new or snoozed alarm is acknowledged, a new one snoozed (it comes
 * back by itself), anything not closed is closed.
 */
export function offersAction(alarm: Alarm, action: AlarmAction): boolean {
  switch (action) {
    case 'acknowledge':
      return alarm.state === 'new' || alarm.state === 'snoozed';
    case 'snooze':
      return alarm.state === 'new';
    case 'close':
      return alarm.state !== 'closed';
  }
}

/**
 * Whether an action on this alarm needs a note: a critical alarm is never dismissed (acknowledged, snoozed,
 * closed) without one — but closing one already acknowledged with a note may go without.
 */
export function needsNote(alarm: Alarm, action: AlarmAction): boolean {
  if (alarm.severity !== 'critical') return false;
  if (action !== 'close') return true;
  return !alarm.history.some((entry) => entry.state === 'acknowledged' && (entry.note ?? '') !== '');
}

/** What the operator has typed for an action. */
export interface ActionInput {
  note: string;
  /** The operator's name (the desk asks for it once). */
  operator: string;
}

/** Why an action cannot be sent yet, in words for its button, or null when it can. */
export function actionBlocked(alarm: Alarm, action: AlarmAction, input: ActionInput): string | null {
  if (!offersAction(alarm, action)) return `The alarm is ${alarm.state}`;
  if (input.operator.trim() === '') return 'Enter your name first';
  if (needsNote(alarm, action) && input.note.trim() === '') return 'A critical alarm needs a note';
  if (input.note.length > NOTE_MAX) return `The note is longer than ${NOTE_MAX} characters`;
  return null;
}

/** The note as the desk sends it: trimmed, none when empty. */
export function noteToSend(note: string): string | undefined {
  const trimmed = note.trim();
  return trimmed === '' ? undefined : trimmed;
}
