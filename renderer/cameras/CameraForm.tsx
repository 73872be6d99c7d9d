import { useState, type ReactNode } from 'react';

import type { CameraView } from '../../common/camera';
import type { StationApi } from '../../common/station-api';
import { runInBackground } from '../../common/background';
import {
  errorNotes,
  formFromCamera,
  formToInput,
  formToPatch,
  probeNotes,
  type CameraField,
  type CameraFormValues,
  type FieldNote,
  type FormNotes,
} from './cameraForm';
import { MotionFields } from './MotionFields';
import { RecordingFields } from './RecordingFields';

/** The form's inputs: the station, the camera being edited (none to add one), and how it closes. */
export interface CameraFormProps {
  api: StationApi;
  camera: CameraView | null;
  onSaved: (camera: CameraView) => void;
  onClose: () => void;
}

function Note({ name, note }: { name: CameraField; note: FieldNote | undefined }) {
  if (!note) return null;
  return (
    <small
      className={note.ok ? 'note-ok' : 'note-error'}
      data-testid={`field-${note.ok ? 'note' : 'error'}-${name}`}
    >
      {note.message}
    </small>
  );
}

function Field(props: {
  name: CameraField;
  label: string;
  notes: FormNotes;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      {props.children}
      {props.hint && <small className="muted">{props.hint}</small>}
      <Note name={props.name} note={props.notes.fields[props.name]} />
    </label>
  );
}

/** Adds or edits a camera: "Test" shows the probe's answer under each field; save errors land under theirs. */
export function CameraForm({ api, camera, onSaved, onClose }: CameraFormProps) {
  const [values, setValues] = useState<CameraFormValues>(() => formFromCamera(camera ?? undefined));
  const [notes, setNotes] = useState<FormNotes>({ fields: {} });
  const [allowOffline, setAllowOffline] = useState(false);
  const [busy, setBusy] = useState<'probe' | 'save' | null>(null);

  const set = <K extends keyof CameraFormValues>(key: K, value: CameraFormValues[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
  };
  const text = (
    key: Exclude<CameraField, 'auth_method' | 'enabled' | 'motion' | 'recording'>,
    extra: { type?: string; readOnly?: boolean } = {},
  ) => (
    <input
      data-testid={`field-${key}`}
      name={key}
      value={values[key]}
      onChange={(event) => {
        set(key, event.target.value);
      }}
      autoComplete="off"
      {...extra}
    />
  );

  const test = (): void => {
    setBusy('probe');
    const { rtsp_url, username, password } = formToInput(values);
    runInBackground(
      api
        .probe({ rtsp_url, ...(username ? { username } : {}), ...(password ? { password } : {}) })
        .then((result) => {
          setNotes(probeNotes(result, values));
        })
        .finally(() => {
          setBusy(null);
        }),
      (error: unknown) => {
        setNotes(errorNotes(error));
      },
    );
  };

  const save = (): void => {
    const options = allowOffline ? { allow_offline: true } : {};
    let task: Promise<CameraView>;
    if (camera) {
      const patch = formToPatch(values, camera);
      if (!patch) {
        onClose();
        return;
      }
      task = api.updateCamera(camera.camera_id, { ...patch, ...options });
    } else {
      task = api.addCamera({ ...formToInput(values), ...options });
    }
    setBusy('save');
    setNotes({ fields: {} });
    runInBackground(
      task.then(onSaved).finally(() => {
        setBusy(null);
      }),
      (error: unknown) => {
        setNotes(errorNotes(error));
      },
    );
  };

  return (
    <div className="overlay" role="dialog" aria-label={camera ? `Edit ${camera.name}` : 'Add camera'}>
      <form
        className="panel camera-form"
        data-testid="camera-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <h2>{camera ? `Edit ${camera.name}` : 'Add camera'}</h2>
        <div className="form-grid">
          <Field
            name="camera_id"
            label="Camera id"
            notes={notes}
            hint={camera ? undefined : 'Letters, digits, _ and -'}
          >
            {text('camera_id', { readOnly: camera !== null })}
          </Field>
          <Field name="name" label="Name" notes={notes}>
            {text('name')}
          </Field>
          <Field name="rtsp_url" label="RTSP URL" notes={notes}>
            {text('rtsp_url')}
          </Field>
          <Field name="username" label="Username" notes={notes}>
            {text('username')}
          </Field>
          <Field
            name="password"
            label="Password"
            notes={notes}
            hint={camera?.has_password ? 'Leave empty to keep the stored password' : undefined}
          >
            {text('password', { type: 'password' })}
          </Field>
          <Field name="auth_method" label="Auth method" notes={notes}>
            <select
              data-testid="field-auth_method"
              value={values.auth_method}
              onChange={(event) => {
                set('auth_method', event.target.value === 'basic' ? 'basic' : 'digest');
              }}
            >
              <option value="digest">Digest</option>
              <option value="basic">Basic</option>
            </select>
          </Field>
          <Field name="description" label="Description" notes={notes}>
            <textarea
              data-testid="field-description"
              rows={2}
              value={values.description}
              onChange={(event) => {
                set('description', event.target.value);
              }}
            />
          </Field>
          <Field name="tags" label="Tags" notes={notes} hint="Comma-separated">
            {text('tags')}
          </Field>
          <Field name="enabled" label="Enabled" notes={notes}>
            <input
              data-testid="field-enabled"
              type="checkbox"
              checked={values.enabled}
              onChange={(event) => {
                set('enabled', event.target.checked);
              }}
            />
          </Field>
          <RecordingFields values={values} set={set} note={notes.fields.recording} />
          <MotionFields values={values} set={set} note={notes.fields.motion} />
          <label className="field">
            <span>Save even if unreachable now</span>
            <input
              type="checkbox"
              checked={allowOffline}
              onChange={(event) => {
                setAllowOffline(event.target.checked);
              }}
            />
          </label>
        </div>
        {notes.form && (
          <p className="note-error" role="alert" data-testid="form-error">
            {notes.form.message}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            data-testid="test-camera"
            disabled={busy !== null || !values.rtsp_url}
            onClick={test}
          >
            {busy === 'probe' ? 'Testing…' : 'Test'}
          </button>
          <button type="submit" data-testid="save-camera" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
