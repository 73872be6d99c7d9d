import type { CameraFormValues, FieldNote } from './cameraForm';

/** What the recording inputs need from the camera form. */
export interface RecordingFieldsProps {
  values: CameraFormValues;
  set: <K extends keyof CameraFormValues>(key: K, value: CameraFormValues[K]) => void;
  note: FieldNote | undefined;
}

/** Continuous recording on or off, and — when on — how many hours of video the station keeps. */
export function RecordingFields({ values, set, note }: RecordingFieldsProps) {
  return (
    <fieldset className="field motion-fields" data-testid="field-recording">
      <label>
        <input
          data-testid="field-recording_enabled"
          type="checkbox"
          checked={values.recording_mode === 'continuous'}
          onChange={(event) => {
            set('recording_mode', event.target.checked ? 'continuous' : 'off');
          }}
        />{' '}
        Record continuously (instant replay, export)
      </label>
      {values.recording_mode === 'continuous' && (
        <div className="motion-settings">
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
        </div>
      )}
      {note && (
        <small className={note.ok ? 'note-ok' : 'note-error'} data-testid="field-error-recording">
          {note.message}
        </small>
      )}
    </fieldset>
  );
}
