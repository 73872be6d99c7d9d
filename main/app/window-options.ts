// The options every Vigil window is created with: isolated, sandboxed, no Node in the page, the preload as
// the only bridge, media allowed to autoplay (walls are muted by default), dark while loading.
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

import { PRODUCT_NAME } from '../../common/product';

/** The web preferences of every app page. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
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
    // A wall keeps decoding when its window is covered: operators glance at it, they don't focus it.
    backgroundThrottling: false,
  };
}

/** What a wall window is for: where it goes and whether it is a kiosk. */
export interface WallWindowRequest {
  bounds: Rectangle;
  kiosk: boolean;
}

/** A wall window's constructor options. */
export function wallWindowOptions(
  request: WallWindowRequest,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    ...request.bounds,
    minWidth: 640,
    minHeight: 360,
    backgroundColor: '#0b0e13',
    show: false,
    kiosk: request.kiosk,
    fullscreen: request.kiosk,
    autoHideMenuBar: request.kiosk,
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}
