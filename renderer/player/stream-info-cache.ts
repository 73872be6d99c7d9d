import type { StreamInfo } from '../../common/camera';

import type { Clock } from './model';

/** How long a prefetched stream info may wait for its tile; older ones are fetched again. */
export const PREFETCH_MAX_AGE_MS = 5_000;

/**
 * Stream info fetched ahead of the tiles that need it (a view is chosen before React mounts its tiles).
 * Each prefetched answer serves one watch, only while fresh: a retry always asks the station again, so a
 * re-created camera or an expired ticket is never served from here.
 */
export class StreamInfoCache {
  readonly #fetch: (cameraId: string) => Promise<StreamInfo>;
  readonly #clock: Clock;
  readonly #prefetched = new Map<string, { at: number; info: Promise<StreamInfo> }>();

  constructor(fetch: (cameraId: string) => Promise<StreamInfo>, clock: Clock) {
    this.#fetch = fetch;
    this.#clock = clock;
  }

  /** Starts fetching `cameraId`'s stream info now, unless a fresh fetch is already under way or done. */
  prefetch(cameraId: string): void {
    if (this.#fresh(cameraId)) return;
    const info = this.#fetch(cameraId);
    const entry = { at: this.#clock.now(), info };
    this.#prefetched.set(cameraId, entry);
    // A failed prefetch is forgotten: the watch then asks again and reports what went wrong.
    info.catch(() => {
      if (this.#prefetched.get(cameraId) === entry) this.#prefetched.delete(cameraId);
    });
  }

  /** The prefetched stream info when fresh (used up by this call), else a new fetch. */
  take(cameraId: string): Promise<StreamInfo> {
    const entry = this.#fresh(cameraId);
    this.#prefetched.delete(cameraId);
    return entry?.info ?? this.#fetch(cameraId);
  }

  #fresh(cameraId: string): { info: Promise<StreamInfo> } | undefined {
    const entry = this.#prefetched.get(cameraId);
    if (entry && this.#clock.now() - entry.at <= PREFETCH_MAX_AGE_MS) return entry;
    this.#prefetched.delete(cameraId);
    return undefined;
  }
}
