import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

import { PRODUCT_NAME } from '../../common/product';

/** Opens a wall window with the hardened options every Vigil window uses. */
function createWallWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 800,
    backgroundColor: '#0b0e13',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

void app.whenReady().then(createWallWindow);
app.on('window-all-closed', () => {
  app.quit();
});
