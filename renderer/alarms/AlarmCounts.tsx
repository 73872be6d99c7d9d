import type { AlarmCounts as Counts, AlarmFilter } from './alarmList';
import { STATE_ORDER } from './alarmList';

/** The status bar's inputs: counts per state and the filter they set. */
export interface AlarmCountsProps {
  counts: Counts;
  filter: AlarmFilter;
  onFilter: (filter: AlarmFilter) => void;
}

const LABEL: Record<(typeof STATE_ORDER)[number], string> = {
  new: 'new',
  acknowledged: 'ack',
  snoozed: 'snoozed',
  closed: 'closed',
};

/**
 * The alarm list's status bar: how many alarms are new, acknowledged, snoozed and closed; a count is also a
 * filter, pressed again to show every open alarm.
 */
export function AlarmCounts({ counts, filter, onFilter }: AlarmCountsProps) {
  return (
    <footer className="alarm-counts" data-testid="alarm-counts" aria-label="Alarm states">
      {STATE_ORDER.map((state) => (
        <button
          key={state}
          type="button"
          className={`count alarm-count-${state}`}
          data-testid={`alarm-count-${state}`}
          data-count={counts[state]}
          aria-pressed={filter === state}
          title={filter === state ? 'Show every open alarm' : `Show only ${state} alarms`}
          onClick={() => {
            onFilter(filter === state ? 'open' : state);
          }}
        >
          <span className={`tile-dot dot-alarm-${state}`} aria-hidden="true" />
          {counts[state]} {LABEL[state]}
        </button>
      ))}
    </footer>
  );
}
