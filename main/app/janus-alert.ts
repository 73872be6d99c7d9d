// When the bundled Janus gives up, the desk is told once, in runtime's words: a dialog naming the janus_mode
// setting and the log. The station keeps running (the walls show the cameras offline) so the operator can
// choose another Janus in Settings; the tray follows the state through `onChange`.
import type { Dialog } from 'electron';

import { runInBackground } from '../../common/background';
import { gaveUpNotice } from '../runtime/desk/desk-text';
import type { StationGateway } from '../runtime/station-gateway';

/** What `setupJanusAlert` needs: the station's Janus, Electron's dialog, and where the setting and log are. */
export interface JanusAlertDeps {
  janus: Pick<StationGateway, 'onChange'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** The setting that picks Janus, e.g. `"janus_mode" in …/desktop.json`. */
  setting: string;
  logFile: string;
  /** Called on every change of Janus's state (redraws the tray). */
  onChange: () => void;
  onDialogFailed: (error: unknown) => void;
}

/** Shows the dialog each time the bundled Janus gives up; returns the unsubscribe. */
export function setupJanusAlert(deps: JanusAlertDeps): () => void {
  return deps.janus.onChange((state) => {
    deps.onChange();
    if (state.gaveUp === undefined) return;
    const notice = gaveUpNotice(state.gaveUp.reason, { setting: deps.setting, logFile: deps.logFile });
    const shown = deps.dialog.showMessageBox({
      type: 'error',
      title: notice.title,
      message: notice.title,
      detail: notice.body,
    });
    runInBackground(shown, deps.onDialogFailed);
  });
}
