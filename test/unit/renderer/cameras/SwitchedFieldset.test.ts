import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { SwitchedFieldset } from '../../../../renderer/cameras/SwitchedFieldset';

function render(on: boolean, note?: { ok: boolean; message: string }): string {
  return renderToString(
    createElement(SwitchedFieldset, {
      name: 'recording',
      label: 'Record',
      on,
      onSwitch: () => undefined,
      note,
      children: createElement('input', { 'data-testid': 'inner' }),
    }),
  );
}

describe('SwitchedFieldset', () => {
  it('shows its settings only while switched on, with testids named after its field', () => {
    expect(render(false)).toContain('data-testid="field-recording_enabled"');
    expect(render(false)).not.toContain('data-testid="inner"');
    expect(render(true)).toContain('data-testid="inner"');
  });

  it('shows a problem under the group, named for its field', () => {
    const html = render(true, { ok: false, message: 'retention_hours must be ≥ 1' });
    expect(html).toContain('data-testid="field-error-recording"');
    expect(html).toContain('note-error');
    expect(html).toContain('retention_hours must be ≥ 1');
  });
});
