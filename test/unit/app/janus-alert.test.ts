import { describe, expect, it, vi } from 'vitest';

import { setupJanusAlert } from '../../../main/app/janus-alert';
import type { GatewayState } from '../../../main/runtime/station-gateway';

/** A StationGateway whose state changes the test announces. */
function fakeJanus() {
  const listeners = new Set<(state: GatewayState) => void>();
  return {
    onChange: (listener: (state: GatewayState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce: (state: GatewayState) => {
      for (const listener of listeners) listener(state);
    },
  };
}

describe('setupJanusAlert', () => {
  it('shows a dialog naming the setting and the log when Janus gives up, and redraws on every change', () => {
    const janus = fakeJanus();
    const showMessageBox = vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false }));
    const onChange = vi.fn();
    setupJanusAlert({
      janus,
      dialog: { showMessageBox },
      setting: '"janus_mode" in /data/desktop.json',
      logFile: '/data/logs/vigil.log',
      onChange,
      onDialogFailed: () => undefined,
    });
    janus.announce({ mode: 'native', gaveUp: { reason: 'Janus failed 5 times in a row' } });
    expect(showMessageBox).toHaveBeenCalledOnce();
    expect(showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'error',
        title: 'Janus keeps failing',
        detail: expect.stringMatching(
          /"janus_mode" in \/data\/desktop\.json.*\/data\/logs\/vigil\.log/s,
        ) as unknown,
      }),
    );
    janus.announce({ mode: 'container', gaveUp: undefined });
    expect(showMessageBox).toHaveBeenCalledOnce();
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
