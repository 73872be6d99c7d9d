// Electron's entry: one instance per desk, the app scheme registered before `ready`, then the bootstrap.
// A failed start is shown to the operator and logged, never swallowed.
import { app, dialog, protocol } from 'electron';

import { PRODUCT_NAME } from '../../common/product';
import { registerAppScheme } from './app-protocol';
import { bootstrap } from './desktop';

registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(bootstrap)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`${PRODUCT_NAME} could not start`, message);
      app.exit(1);
    });
}
