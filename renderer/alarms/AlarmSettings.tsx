import { useState } from 'react';

import type { AlarmSeverity } from './alarm';
import { SEVERITIES } from './alarmQueue';
import { cleanName, NAME_MAX, type DeskSettings } from './deskSettings';

/** The settings popover's inputs. */
export interface AlarmSettingsProps {
  settings: DeskSettings;
  onChange: (patch: Partial<DeskSettings>) => void;
  operator: string;
  onOperator: (name: string) => void;
  /** This wall's name, if it has one (said so the operator knows what to type elsewhere). */
  wallName: string | null;
  onClose: () => void;
}

const TAKEOVER_WORDS: Record<AlarmSeverity, string> = {
  info: 'every alarm',
  warning: 'warning and critical',
  critical: 'critical only',
};

/** The alarm desk's settings: operator, the dedicated alarm wall, which alarms take a wall over. */
export function AlarmSettings({
  settings,
  onChange,
  operator,
  onOperator,
  wallName,
  onClose,
}: AlarmSettingsProps) {
  const [name, setName] = useState(operator);
  const [alarmWall, setAlarmWall] = useState(settings.alarmWall);
  return (
    <div
      className="popover alarm-settings"
      role="dialog"
      aria-label="Alarm settings"
      data-testid="alarm-settings"
    >
      <label className="field">
        <span>Operator at this wall</span>
        <input
          data-testid="alarm-settings-operator"
          value={name}
          maxLength={NAME_MAX}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>Alarm wall (name; empty: every wall shows alarms on its own hotspot)</span>
        <input
          data-testid="alarm-settings-wall"
          value={alarmWall}
          maxLength={NAME_MAX}
          placeholder={wallName ?? 'e.g. desk-1-right'}
          onChange={(event) => {
            setAlarmWall(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>Alarms that take the wall over</span>
        <select
          value={settings.takeover}
          onChange={(event) => {
            onChange({ takeover: event.target.value as AlarmSeverity });
          }}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {TAKEOVER_WORDS[severity]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">This wall: {wallName === null ? 'no name (open it with ?wall=NAME)' : wallName}</p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            if (cleanName(name) !== '') onOperator(name);
            onChange({ alarmWall: cleanName(alarmWall) });
            onClose();
          }}
        >
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
