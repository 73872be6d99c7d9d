// Electron's entry: one instance per desk, the app scheme registered before `ready`, then the bootstrap.
// A failed start is shown to the operator and logged, never swallowed.
import { join } from 'node:path';

import { app, dialog, protocol } from 'electron';

import { PRODUCT_NAME } from '../../common/product';
import { registerAppScheme } from './app-protocol';
import { bootstrap } from './desktop';
import { DESKTOP_SETTINGS_FILE } from '../store/desktop-settings';

registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(bootstrap)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const settings = join(app.getPath('userData'), DESKTOP_SETTINGS_FILE);
      dialog.showErrorBox(
        `${PRODUCT_NAME} could not start`,
        `${message}\n\nThe Janus source is "janus_mode" (native, container or remote) in ${settings}; ` +
          `the log is in ${join(app.getPath('userData'), 'logs', 'vigil.log')}.`,
      );
      app.exit(1);
    });
}
