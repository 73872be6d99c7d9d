/** Map of event name to listener argument tuple. */
export type EventMap = Record<string, unknown[]>;

/** A listener for event `K` of map `E`. */
export type Listener<E extends EventMap, K extends keyof E> = (...args: E[K]) => void;

/**
 * Small typed event emitter: `on`/`once` return an unsubscribe function; a throwing listener is
 * reported to `onListenerError` and never breaks the dispatcher that emitted.
 * @example
 * const off = connection.on('disconnected', (error) => log.warn({ err: error }));
 * off();
 */
export class TypedEmitter<E extends EventMap> {
  readonly #listeners = new Map<keyof E, Set<Listener<E, keyof E>>>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.#onListenerError = onListenerError;
  }

  /** Subscribes to `event`; returns the matching unsubscribe function. */
  on<K extends keyof E>(event: K, listener: Listener<E, K>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as Listener<E, keyof E>);
    return () => {
      this.off(event, listener);
    };
  }

  /** Subscribes to the next `event` only. */
  once<K extends keyof E>(event: K, listener: Listener<E, K>): () => void {
    const off = this.on(event, (...args) => {
      off();
      listener(...args);
    });
    return off;
  }

  /** Removes `listener` from `event`. */
  off<K extends keyof E>(event: K, listener: Listener<E, K>): void {
    this.#listeners.get(event)?.delete(listener as Listener<E, keyof E>);
  }

  /** Calls every listener of `event` synchronously, in subscription order. */
  protected emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  /** Drops every listener (after the final event of an object's life). */
  protected removeAllListeners(): void {
    this.#listeners.clear();
  }
}
