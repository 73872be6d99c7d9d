/**
 * One event of an Electron emitter, with Electron's own listener signature but any return: a real `BrowserWindow`,
 * `Screen` or `Notification` fits (their `on` returns `this`), and so does a stand-in EventEmitter in tests, which a
 * `Pick<BrowserWindow, 'on'>` would not accept. One event per `On` (intersect several): the property form is checked
 * strictly, so a listener that does not match Electron's for that event is a type error.
 */
export interface On<E extends string, L extends (...args: never[]) => void> {
  on: (event: E, listener: L) => unknown;
}

/** Removing a listener added through {@link On}. */
export interface Off<E extends string, L extends (...args: never[]) => void> {
  off: (event: E, listener: L) => unknown;
}
