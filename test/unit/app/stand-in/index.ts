/**
 * A small stand-in for the electron module, for main/app's unit tests: the Electron binary cannot be downloaded
 * here, so main/app modules take their electron objects as dependencies and tests pass these fakes instead.
 */
export { fakeEvent } from './fake-event';
export { FakeWebContents, type KeyPress } from './fake-web-contents';
export { FakeBrowserWindow, type FakeBrowserWindowOptions } from './fake-browser-window';
export { FakeScreen, fakeDisplay, type FakeDisplayOptions } from './fake-screen';
export {
  FakeApp,
  FakeMenuApi,
  FakeNotification,
  FakePowerSaveBlocker,
  FakeTray,
  allItems,
  clickItem,
  findItem,
  templateOf,
  type FakeMenu,
} from './fake-shell';
export { fakeLogger, type FakeLogger, type LogEntry } from './fake-logger';
