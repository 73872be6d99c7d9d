import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { openWallWindow } from '../../../main/app/window-options';

/** Records the options a window was constructed with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('openWallWindow', () => {
  const bounds = { x: 1920, y: 0, width: 1920, height: 1080 };

  it('isolates and sandboxes the page, with the preload as its only bridge', () => {
    const { options } = openWallWindow(
      RecordingWindow,
      { bounds, kiosk: false },
      '/app/out/preload/index.cjs',
    );
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      backgroundThrottling: false,
    });
  });

  it('places a wall on its bounds, hidden until painted; a kiosk wall is full screen', () => {
    expect(openWallWindow(RecordingWindow, { bounds, kiosk: false }, '/p.cjs').options).toMatchObject({
      ...bounds,
      show: false,
      kiosk: false,
      fullscreen: false,
    });
    expect(openWallWindow(RecordingWindow, { bounds, kiosk: true }, '/p.cjs').options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
    });
  });
});
