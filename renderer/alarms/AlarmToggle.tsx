import type { Alarm } from './alarm';
import { countAlarms } from './alarmList';

/** The toggle's inputs: the alarms, whether the panel shows, and what pressing does. */
export interface AlarmToggleProps {
  alarms: ReadonlyMap<string, Alarm>;
  shown: boolean;
  onToggle: () => void;
}

/**
 * The top bar's alarm button, at its right end: how many alarms are new (red while any is) and open, and it
 * shows or hides the alarm panel — the counts stay in sight while the panel is hidden.
 */
export function AlarmToggle({ alarms, shown, onToggle }: AlarmToggleProps) {
  const counts = countAlarms(alarms);
  const open = counts.new + counts.acknowledged + counts.snoozed;
  return (
    <button
      type="button"
      className="alarm-toggle"
      data-testid="alarm-toggle"
      data-new={counts.new}
      aria-pressed={shown}
      title={shown ? 'Hide the alarm list' : 'Show the alarm list'}
      onClick={onToggle}
    >
      {counts.new > 0 ? `${counts.new} new alarm${counts.new === 1 ? '' : 's'}` : 'Alarms'}
      {open > counts.new ? ` · ${open} open` : ''}
    </button>
  );
}
