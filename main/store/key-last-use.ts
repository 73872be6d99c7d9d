// When each API key was last used, written back to api-keys.json later and in the background: checking a key
// never writes (a read-only or full data folder must not fail or slow down a single request), and many uses in a
// short while become one write. A failed write keeps the uses for a later try and is reported once per streak.

/** How the recorder writes and reports, and its clock and timer (tests pass fakes). */
export interface LastUseOptions {
  /** Writes these last uses (key id → ISO time) into the store, in one write; throws when the disk refuses. */
  write(uses: ReadonlyMap<string, string>): void;
  /** Told once when writes start failing (not again until one succeeded). */
  onWriteFailed(error: unknown): void;
  now?: () => number;
  /** Schedules `task` after `ms` without keeping the process alive; returns how to cancel it. */
  schedule?: (task: () => void, ms: number) => () => void;
}

/** A key's use is worth writing when the stored one is at least this old. */
export const LAST_USE_RESOLUTION_MS = 60_000;
/** Uses are gathered this long before they are written, in one write. */
export const LAST_USE_WRITE_DELAY_MS = 5_000;
/** After a failed write, the next try waits this long (a refusing disk may block each write for a second). */
export const LAST_USE_RETRY_MS = 5 * 60_000;

function unrefTimer(task: () => void, ms: number): () => void {
  const timer = setTimeout(task, ms);
  timer.unref();
  return () => {
    clearTimeout(timer);
  };
}

/** Remembers key uses and writes them back in the background. */
export class LastUseRecorder {
  readonly #options: LastUseOptions;
  readonly #now: () => number;
  readonly #schedule: (task: () => void, ms: number) => () => void;
  readonly #pending = new Map<string, string>();
  #cancel: (() => void) | undefined;
  #failing = false;

  constructor(options: LastUseOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#schedule = options.schedule ?? unrefTimer;
  }

  /** Key `id` was just used; `stored` is the last use the store holds. Never writes, never throws. */
  used(id: string, stored: string | undefined): void {
    const now = this.#now();
    const last = this.#pending.get(id) ?? stored;
    if (last !== undefined && now - Date.parse(last) < LAST_USE_RESOLUTION_MS) return;
    this.#pending.set(id, new Date(now).toISOString());
    this.#cancel ??= this.#schedule(() => {
      this.#cancel = undefined;
      this.flush();
    }, LAST_USE_WRITE_DELAY_MS);
  }

  /** Writes the uses gathered so far now; a refused write keeps them for a try after LAST_USE_RETRY_MS. */
  flush(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    if (this.#pending.size === 0) return;
    const uses = new Map(this.#pending);
    try {
      this.#options.write(uses);
    } catch (error) {
      if (!this.#failing) this.#options.onWriteFailed(error);
      this.#failing = true;
      this.#cancel = this.#schedule(() => {
        this.#cancel = undefined;
        this.flush();
      }, LAST_USE_RETRY_MS);
      return;
    }
    this.#failing = false;
    // Uses noted while writing (none today: the write is synchronous) stay for the next write.
    for (const [id, at] of uses) if (this.#pending.get(id) === at) this.#pending.delete(id);
  }
}
