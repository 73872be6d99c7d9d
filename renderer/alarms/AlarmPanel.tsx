/*
 * Stable data-testid attributes for end-to-end tests (keep them when changing the markup):
 *   alarm-panel          the side panel (present while shown; data-open-count = alarms not closed)
 *   alarm-prompt         the alarm the operator must answer (data-alarm-id, data-severity, data-cue = played,
 *                        muted, blocked); alarm-waiting how many more wait; alarm-replay the pre-alarm replay
 *                        (data-state)
 *   alarm-note           the note of the prompt or of an opened row; alarm-operator the operator's name (asked
 *                        once); alarm-ack, alarm-close, alarm-snooze-<minutes> the actions; alarm-action-note
 *                        why an action is held back or failed
 *   alarm-list           the list; alarm-row-<alarm_id> one alarm (data-state, data-severity); alarm-show
 *                        shows an opened alarm's cameras on the hotspot; alarm-notes its notes
 *   alarm-counts         the status bar; alarm-count-<state> (data-count) filters by a state
 *   alarm-mute           mutes the sound cue (aria-pressed); alarm-settings-open opens alarm-settings
 */
import { useEffect, useState, type ReactNode } from 'react';

import type { DesktopApi } from '../../common/desktop';
import { offersSettings, watchKiosk } from '../settings/kioskState';
import type { Alarm } from './alarm';
import { AlarmCounts } from './AlarmCounts';
import { countAlarms, listAlarms, type AlarmFilter } from './alarmList';
import { AlarmPrompt } from './AlarmPrompt';
import { AlarmRow } from './AlarmRow';
import { AlarmSettings } from './AlarmSettings';
import { useNow } from '../useNow';
import type { AlarmDesk } from './useAlarmDesk';

/** The panel's inputs: the desk, camera names, the replay beside the prompt, the hotspot. */
export interface AlarmPanelProps {
  desk: AlarmDesk;
  wallName: string | null;
  /** Renames this wall (the desktop app; a browser wall's name is its URL's). */
  onRenameWall?: ((name: string) => void) | undefined;
  cameraName: (cameraId: string) => string | undefined;
  replay: (alarm: Alarm) => ReactNode;
  onShow: (alarm: Alarm) => void;
  onHide: () => void;
  /** The desktop app, whose kiosk walls answer alarms but offer no alarm settings (absent in a browser). */
  desktop?: DesktopApi | undefined;
}

const EMPTY: Record<AlarmFilter, string> = {
  open: 'No open alarms.',
  new: 'No new alarms.',
  acknowledged: 'No acknowledged alarms.',
  snoozed: 'No snoozed alarms.',
  closed: 'No closed alarms lately.',
};

/**
 * The alarm side panel beside the wall: the alarm the operator must answer on top, then every alarm newest first
 * (a row opens for details and actions), and a status bar of counts that filter the list.
 */
export function AlarmPanel(props: AlarmPanelProps) {
  const { desk, wallName, cameraName, replay, onShow, onHide } = props;
  // The prompt says how long ago its alarm happened, to the second.
  const now = useNow(desk.stage === null ? null : 1000);
  const [filter, setFilter] = useState<AlarmFilter>('open');
  const [openId, setOpenId] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [kiosk, setKiosk] = useState<boolean | undefined>(undefined);
  const desktop = props.desktop;
  useEffect(() => (desktop === undefined ? undefined : watchKiosk(desktop, setKiosk)), [desktop]);
  const settingsOffered = desktop === undefined || offersSettings(kiosk);
  const counts = countAlarms(desk.alarms);
  const shown = listAlarms(desk.alarms, filter);
  const where = desk.takesOver ? 'on the hotspot of this wall' : `on wall ${desk.settings.alarmWall}`;

  return (
    <aside
      className="alarm-panel"
      data-testid="alarm-panel"
      data-open-count={counts.new + counts.acknowledged + counts.snoozed}
      aria-label="Alarms"
    >
      <header className="alarm-panel-head">
        <h2>Alarms</h2>
        <span className="alarm-operator-name muted" title="Operator at this wall">
          {desk.operator || 'no operator yet'}
        </span>
        <button
          type="button"
          data-testid="alarm-mute"
          aria-pressed={desk.settings.muted}
          title={desk.settings.muted ? 'Sound is off: turn the alarm sound on' : 'Mute the alarm sound'}
          onClick={() => {
            desk.changeSettings({ muted: !desk.settings.muted });
          }}
        >
          {desk.settings.muted ? 'Muted' : 'Mute'}
        </button>
        {settingsOffered && (
          <span className="group">
            <button
              type="button"
              data-testid="alarm-settings-open"
              aria-expanded={settingsOpen}
              onClick={() => {
                setSettingsOpen(!settingsOpen);
              }}
            >
              Settings
            </button>
            {settingsOpen && (
              <AlarmSettings
                settings={desk.settings}
                onChange={desk.changeSettings}
                operator={desk.operator}
                onOperator={desk.setOperator}
                wallName={wallName}
                onRenameWall={props.onRenameWall}
                onClose={() => {
                  setSettingsOpen(false);
                }}
              />
            )}
          </span>
        )}
        <button
          type="button"
          className="alarm-hide"
          disabled={desk.stage !== null}
          title={desk.stage === null ? 'Hide the alarm list' : 'An alarm waits for you: it stays in view'}
          onClick={onHide}
        >
          Hide
        </button>
      </header>
      {desk.stage !== null && (
        <AlarmPrompt
          alarm={desk.stage}
          waiting={desk.waiting}
          now={now}
          cameraName={cameraName}
          shownWhere={where}
          replay={replay(desk.stage)}
          cue={desk.cue}
          operator={desk.operator}
          onOperator={desk.setOperator}
          onAct={desk.act}
          onAnswering={desk.setAnswering}
        />
      )}
      {desk.error !== null && (
        <p className="note-error alarm-error" role="status">
          Alarms: {desk.error}
        </p>
      )}
      <ul className="alarm-list" data-testid="alarm-list" aria-label="Alarm list">
        {shown.map((alarm) => (
          <AlarmRow
            key={alarm.alarm_id}
            alarm={alarm}
            cameraName={cameraName}
            expanded={openId === alarm.alarm_id}
            staged={desk.stage?.alarm_id === alarm.alarm_id}
            onToggle={() => {
              setOpenId(openId === alarm.alarm_id ? null : alarm.alarm_id);
            }}
            operator={desk.operator}
            onOperator={desk.setOperator}
            onAct={desk.act}
            onShow={onShow}
          />
        ))}
        {shown.length === 0 && <li className="alarm-empty muted">{EMPTY[filter]}</li>}
      </ul>
      <AlarmCounts counts={counts} filter={filter} onFilter={setFilter} />
    </aside>
  );
}
