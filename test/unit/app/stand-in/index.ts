/**
 * A small stand-in for the electron module, for main/app's unit tests: the Electron binary cannot be downloaded
 * here, so main/app modules take their electron objects as dependencies and tests pass these fakes instead.
 * (Windows, screens and pages are faked with runtime's desk interfaces: test/unit/runtime/desk/fakes.)
 */
export {
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
