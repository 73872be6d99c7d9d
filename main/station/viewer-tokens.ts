import { randomBytes } from 'node:crypto';

import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import type { Clock } from '../janus';
import type { StationJanus } from './station-janus';

/** A Janus token a viewer may use for the streaming plugin only, until it expires. */
export interface ViewerToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues short-lived, streaming-only Janus tokens (Admin API `add_token`) and removes them when they expire.
 * A token with at least half its life left is handed out again (every viewer of a station has the same rights),
 * so a wall of 16 tiles costs Janus one `add_token`, not 16.
 */
export class ViewerTokens {
  readonly #janus: Pick<StationJanus, 'addViewerToken' | 'removeViewerToken'>;
  readonly #logger: Logger;
  readonly #ttlMs: number;
  readonly #clock: Clock;
  /** Outstanding tokens and how to cancel their removal at expiry. */
  readonly #timers = new Map<string, () => void>();
  #latest: ViewerToken | undefined;
  #minting: Promise<ViewerToken> | undefined;

  constructor(
    janus: Pick<StationJanus, 'addViewerToken' | 'removeViewerToken'>,
    logger: Logger,
    ttlMs: number,
    clock: Clock,
  ) {
    this.#janus = janus;
    this.#logger = logger;
    this.#ttlMs = ttlMs;
    this.#clock = clock;
  }

  /** A streaming-only token valid for at least half the TTL: the latest one, or a fresh one (minted once). */
  issue(): Promise<ViewerToken> {
    const latest = this.#latest;
    if (latest && latest.expiresAt.getTime() - this.#clock.now() >= this.#ttlMs / 2)
      return Promise.resolve(latest);
    this.#minting ??= this.#mint()
      .then((token) => (this.#latest = token))
      .finally(() => {
        this.#minting = undefined;
      });
    return this.#minting;
  }

  /** Janus came back (maybe restarted, forgetting its tokens): the next viewer gets a fresh token. */
  forgetLatest(): void {
    this.#latest = undefined;
  }

  async #mint(): Promise<ViewerToken> {
    const token = randomBytes(24).toString('base64url');
    await this.#janus.addViewerToken(token);
    const cancel = this.#clock.setTimeout(() => {
      runInBackground(this.#remove(token), (error: unknown) => {
        this.#logger.debug({ err: error }, 'could not remove an expired viewer token');
      });
    }, this.#ttlMs);
    this.#timers.set(token, cancel);
    return { token, expiresAt: new Date(this.#clock.now() + this.#ttlMs) };
  }

  /** Removes every token still outstanding. */
  async stop(): Promise<void> {
    await Promise.all([...this.#timers.keys()].map((token) => this.#remove(token)));
  }

  async #remove(token: string): Promise<void> {
    this.#timers.get(token)?.();
    this.#timers.delete(token);
    try {
      await this.#janus.removeViewerToken(token);
    } catch (error) {
      // A restarted Janus has forgotten its tokens anyway.
      this.#logger.debug({ err: error }, 'could not remove an expired viewer token');
    }
  }
}
