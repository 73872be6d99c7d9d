import type { BrowserWindow, Notification, PowerMonitor, Screen } from 'electron';
import { describe, expectTypeOf, it } from 'vitest';

import type { ShownNotification } from '../../../main/app/camera-notifications';
import type { On } from '../../../main/runtime/desk/events';
import type { KioskDeps, KioskWindow } from '../../../main/runtime/desk/kiosk';
import type { LoginItems } from '../../../main/runtime/desk/start-at-login';
import type { WallScreen, WallWindow } from '../../../main/runtime/desk/wall-windows';
import type { WatchedWindow } from '../../../main/runtime/desk/watchdog';
import type { FakeBrowserWindow, FakeScreen } from '../runtime/desk/fakes';
import type { FakeNotification } from './stand-in';

// tsc (`npm run typecheck`) is where these assertions can fail; at run time they are no-ops.
describe('the real electron objects, and the fakes, fit the desk interfaces main/app hands them to', () => {
  it('windows', () => {
    expectTypeOf<BrowserWindow>().toExtend<WallWindow & KioskWindow & WatchedWindow>();
    expectTypeOf<FakeBrowserWindow>().toExtend<WallWindow & KioskWindow & WatchedWindow>();
  });

  it('screen, notification, power monitor, login items', () => {
    expectTypeOf<Screen>().toExtend<WallScreen>();
    expectTypeOf<FakeScreen>().toExtend<WallScreen>();
    expectTypeOf<Notification>().toExtend<ShownNotification>();
    expectTypeOf<FakeNotification>().toExtend<ShownNotification>();
    expectTypeOf<PowerMonitor>().toExtend<KioskDeps['powerMonitor']>();
    expectTypeOf<Electron.App>().toExtend<LoginItems>();
  });

  it('a listener Electron would not call that way is rejected', () => {
    expectTypeOf<BrowserWindow>().not.toExtend<On<'move', (bounds: { x: number }) => void>>();
  });
});
