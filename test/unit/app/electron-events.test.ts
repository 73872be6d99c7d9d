import type { BrowserWindow, Notification, PowerMonitor, Screen } from 'electron';
import { describe, expectTypeOf, it } from 'vitest';

import type { ShownNotification } from '../../../main/app/camera-notifications';
import type { On } from '../../../main/app/electron-events';
import type { KioskDeps, KioskWindow } from '../../../main/app/kiosk';
import type { WallScreen, WallWindow } from '../../../main/app/wall-windows';
import type { WatchedWindow } from '../../../main/app/watchdog';
import type { FakeBrowserWindow, FakeNotification, FakeScreen } from './stand-in';

// tsc (`npm run typecheck`) is where these assertions can fail; at run time they are no-ops.
describe('On / Off: the real electron objects and the stand-in both fit main/app deps', () => {
  it('windows', () => {
    expectTypeOf<BrowserWindow>().toExtend<WallWindow & KioskWindow & WatchedWindow>();
    expectTypeOf<FakeBrowserWindow>().toExtend<WallWindow & KioskWindow & WatchedWindow>();
  });

  it('screen, notification, power monitor', () => {
    expectTypeOf<Screen>().toExtend<WallScreen>();
    expectTypeOf<FakeScreen>().toExtend<WallScreen>();
    expectTypeOf<Notification>().toExtend<ShownNotification>();
    expectTypeOf<FakeNotification>().toExtend<ShownNotification>();
    expectTypeOf<PowerMonitor>().toExtend<KioskDeps['powerMonitor']>();
  });

  it('a listener Electron would not call that way is rejected', () => {
    expectTypeOf<BrowserWindow>().not.toExtend<On<'move', (bounds: { x: number }) => void>>();
  });
});
