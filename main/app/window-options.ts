// Every Vigil window: isolated, sandboxed, no Node in the page, the preload as the only bridge, media allowed
// to autoplay (walls are muted by default), dark while loading. The options are one literal at the
// construction, so a static scan (Electronegativity) sees exactly what each window gets.
import type { BrowserWindowConstructorOptions } from 'electron';

import { PRODUCT_NAME } from '../../common/product';
import type { WallWindowRequest } from '../runtime/desk/wall-windows';

/** Opens a wall window (hidden until painted) with the hardened options; `BrowserWindow` is Electron's class. */
export function openWallWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  request: Pick<WallWindowRequest, 'bounds' | 'kiosk'>,
  preloadPath: string,
): W {
  return new BrowserWindow({
    title: PRODUCT_NAME,
    ...request.bounds,
    minWidth: 640,
    minHeight: 360,
    backgroundColor: '#0b0e13',
    show: false,
    kiosk: request.kiosk,
    fullscreen: request.kiosk,
    autoHideMenuBar: request.kiosk,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      autoplayPolicy: 'no-user-gesture-required',
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // A wall keeps decoding when its window is covered: operators glance at it, they don't focus it.
      backgroundThrottling: false,
    },
  });
}
