import type { CameraFormValues, FieldNote } from './cameraForm';
import { SwitchedFieldset } from './SwitchedFieldset';

/** What the recording inputs need from the camera form. */
export interface RecordingFieldsProps {
  values: CameraFormValues;
  set: <K extends keyof CameraFormValues>(key: K, value: CameraFormValues[K]) => void;
  note: FieldNote | undefined;
}

/** Continuous recording on or off, and — when on — how many hours of video the station keeps. */
export function RecordingFields({ values, set, note }: RecordingFieldsProps) {
  return (
    <SwitchedFieldset
      name="recording"
      label="Record continuously (instant replay, export)"
      on={values.recording_mode === 'continuous'}
      onSwitch={(on) => {
        set('recording_mode', on ? 'continuous' : 'off');
      }}
      note={note}
    >
      <label>
        Keep (hours)
        <input
          data-testid="field-recording_retention_hours"
          type="number"
          min={1}
          step={1}
          value={values.recording_retention_hours}
          onChange={(event) => {
            set('recording_retention_hours', event.target.value);
          }}
        />
      </label>
    </SwitchedFieldset>
  );
}
