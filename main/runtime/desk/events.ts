/**
 * One event of an emitter, with the listener signature the host calls it with but any return: Electron's
 * `BrowserWindow`, `Screen` or `Notification` fits (their `on` returns `this`), and so does a stand-in EventEmitter
 * in tests. One event per `On` (intersect several): the property form is checked strictly, so a listener that does
 * not match the host's for that event is a type error.
 */
export interface On<E extends string, L extends (...args: never[]) => void> {
  on: (event: E, listener: L) => unknown;
}

/** Removing a listener added through {@link On}. */
export interface Off<E extends string, L extends (...args: never[]) => void> {
  off: (event: E, listener: L) => unknown;
}

/** An event whose default action a listener may prevent (a window close, a key press); Electron's `Event` fits. */
export interface Preventable {
  preventDefault(): void;
}
