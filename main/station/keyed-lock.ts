import { runInBackground } from '../../common/background';

/** Runs tasks one at a time per key (e.g. per camera) while different keys run in parallel. */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `key` has settled; resolves or rejects with its outcome. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    // `tail` never rejects, and neither does the clean-up chained on it.
    runInBackground(
      tail.then(() => {
        if (this.#tails.get(key) === tail) this.#tails.delete(key);
      }),
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await Promise.all([...this.#tails.values()]);
  }
}
