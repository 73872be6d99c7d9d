import type { MotionSeverity } from '../../common/motion';
import type { CameraFormValues, FieldNote } from './cameraForm';
import { SwitchedFieldset } from './SwitchedFieldset';

/** The camera form's motion detection inputs (zones are set through the REST API and kept as they are). */
export interface MotionFieldsProps {
  values: CameraFormValues;
  set: <K extends keyof CameraFormValues>(key: K, value: CameraFormValues[K]) => void;
  note: FieldNote | undefined;
}

const SEVERITIES: readonly MotionSeverity[] = ['info', 'warning', 'critical'];

/** Motion detection on or off, and — when on — its sensitivity, minimum area and alarm severity. */
export function MotionFields({ values, set, note }: MotionFieldsProps) {
  return (
    <SwitchedFieldset
      name="motion"
      label="Motion detection (raises an alarm)"
      on={values.motion_enabled}
      onSwitch={(on) => {
        set('motion_enabled', on);
      }}
      note={note}
    >
      <label>
        Sensitivity (1–100)
        <input
          data-testid="field-motion_sensitivity"
          type="number"
          min={1}
          max={100}
          value={values.motion_sensitivity}
          onChange={(event) => {
            set('motion_sensitivity', event.target.value);
          }}
        />
      </label>
      <label>
        Minimum area (%)
        <input
          data-testid="field-motion_min_area_percent"
          type="number"
          min={0.1}
          max={100}
          step={0.1}
          value={values.motion_min_area_percent}
          onChange={(event) => {
            set('motion_min_area_percent', event.target.value);
          }}
        />
      </label>
      <label>
        Alarm severity
        <select
          data-testid="field-motion_severity"
          value={values.motion_severity}
          onChange={(event) => {
            const severity = SEVERITIES.find((s) => s === event.target.value);
            if (severity) set('motion_severity', severity);
          }}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
    </SwitchedFieldset>
  );
}
