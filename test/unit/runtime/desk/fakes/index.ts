/** Fakes of the desk's windows, screen, pages, events and logger, typed by main/runtime/desk's own interfaces. */
export { fakeEvent } from './fake-event';
export { FakeWebContents, type KeyPress } from './fake-web-contents';
export { FakeBrowserWindow, type FakeBrowserWindowOptions } from './fake-browser-window';
export { FakeScreen, fakeDisplay, type FakeDisplayOptions } from './fake-screen';
export { FakeLoginItems } from './fake-login-items';
export { fakeLogger, type FakeLogger, type LogEntry } from './fake-logger';
