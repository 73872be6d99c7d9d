import { describe, expect, it } from 'vitest';

import { hardenedWebPreferences, wallWindowOptions } from '../../../main/app/window-options';

describe('window options', () => {
  it('isolates and sandboxes every page, with the preload as its only bridge', () => {
    expect(hardenedWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      autoplayPolicy: 'no-user-gesture-required',
    });
  });

  it('places a wall on its bounds, hidden until painted; a kiosk wall is full screen', () => {
    const bounds = { x: 1920, y: 0, width: 1920, height: 1080 };
    const normal = wallWindowOptions({ bounds, kiosk: false }, '/p.cjs');
    expect(normal).toMatchObject({ ...bounds, show: false, kiosk: false, fullscreen: false });
    expect(wallWindowOptions({ bounds, kiosk: true }, '/p.cjs')).toMatchObject({
      kiosk: true,
      fullscreen: true,
    });
    expect(normal.webPreferences).toEqual(hardenedWebPreferences('/p.cjs'));
  });
});
