import { useState } from 'react';

import type { AlarmSeverity } from './alarm';
import { SEVERITIES } from './alarmQueue';
import { isWallName } from '../wall/wallName';
import { cleanName, NAME_MAX, type DeskSettings } from './deskSettings';

/** The settings popover's inputs. */
export interface AlarmSettingsProps {
  settings: DeskSettings;
  onChange: (patch: Partial<DeskSettings>) => void;
  operator: string;
  onOperator: (name: string) => void;
  /** This wall's name, if it has one (said so the operator knows what to type elsewhere). */
  wallName: string | null;
  /** Renames this wall: the desktop app's windows are named here, a browser wall by its URL. */
  onRenameWall?: ((name: string) => void) | undefined;
  onClose: () => void;
}

const TAKEOVER_WORDS: Record<AlarmSeverity, string> = {
  info: 'every alarm',
  warning: 'warning and critical',
  critical: 'critical only',
};

/**
 * The alarm desk's settings: operator, the dedicated alarm wall, which alarms take a wall over, and in the
 * desktop app this window's wall name.
 */
export function AlarmSettings(props: AlarmSettingsProps) {
  const { settings, onChange, operator, onOperator, wallName, onRenameWall, onClose } = props;
  const [name, setName] = useState(operator);
  const [alarmWall, setAlarmWall] = useState(settings.alarmWall);
  const [ownName, setOwnName] = useState(wallName ?? '');
  const ownNameValid = cleanName(ownName) === '' || isWallName(cleanName(ownName));
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
      {onRenameWall === undefined ? (
        <p className="muted">{`This wall: ${wallName ?? 'no name (open it with ?wall=NAME)'}`}</p>
      ) : (
        <label className="field">
          <span>This wall's name (pushes and the alarm wall use it)</span>
          <input
            data-testid="alarm-settings-own-name"
            value={ownName}
            maxLength={NAME_MAX}
            placeholder="e.g. desk-1-left"
            aria-invalid={!ownNameValid}
            onChange={(event) => {
              setOwnName(event.target.value);
            }}
          />
          {!ownNameValid && (
            <small className="note-error">Letters, digits, _ or -, starting with a letter or digit</small>
          )}
        </label>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={!ownNameValid}
          onClick={() => {
            if (cleanName(name) !== '') onOperator(name);
            if (onRenameWall !== undefined && cleanName(ownName) !== (wallName ?? '')) onRenameWall(ownName);
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
