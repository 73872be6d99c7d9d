// Orderly stop for both hosts: each part that starts registers how to stop it, and the host runs the steps in
// reverse order when it quits (vigil serve on a stop signal, the desktop app on before-quit).
import type { Logger } from 'pino';

/** Steps that undo a startup, run last-in first-out; a failing step is logged and the rest still run. */
export class Teardown {
  readonly #steps: { name: string; run: () => Promise<unknown> }[] = [];
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Registers how to stop a part that has started. */
  add(name: string, run: () => Promise<unknown>): void {
    this.#steps.push({ name, run });
  }

  /** Runs every step once, newest first; resolves true when none failed. */
  async run(): Promise<boolean> {
    let clean = true;
    for (let step = this.#steps.pop(); step !== undefined; step = this.#steps.pop()) {
      try {
        await step.run();
        this.#logger.debug({ step: step.name }, 'stopped');
      } catch (error) {
        clean = false;
        this.#logger.error({ err: error, step: step.name }, `stopping ${step.name} failed`);
      }
    }
    return clean;
  }
}
