import type { ReactNode } from 'react';

import type { FieldNote } from './cameraForm';

/** What a switched group of the camera form shows. */
export interface SwitchedFieldsetProps {
  /** The group's field name (`motion`, `recording`): its testids are `field-<name>`, `field-<name>_enabled`. */
  name: string;
  label: string;
  on: boolean;
  onSwitch: (on: boolean) => void;
  note: FieldNote | undefined;
  /** The settings shown while the switch is on. */
  children: ReactNode;
}

/** A camera-form group switched by one checkbox, its settings shown while on, its note (ok or problem) below. */
export function SwitchedFieldset({ name, label, on, onSwitch, note, children }: SwitchedFieldsetProps) {
  return (
    <fieldset className="field motion-fields" data-testid={`field-${name}`}>
      <label>
        <input
          data-testid={`field-${name}_enabled`}
          type="checkbox"
          checked={on}
          onChange={(event) => {
            onSwitch(event.target.checked);
          }}
        />{' '}
        {label}
      </label>
      {on && <div className="motion-settings">{children}</div>}
      {note && (
        <small className={note.ok ? 'note-ok' : 'note-error'} data-testid={`field-error-${name}`}>
          {note.message}
        </small>
      )}
    </fieldset>
  );
}
