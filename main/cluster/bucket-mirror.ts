// A JetStream KV bucket mirrored in memory: every key's last value (checked against a schema), its revision and
// when the server stored it, kept current by a watch. The gateway registry and the camera health board read it
// synchronously, which is what placement and the station's health need.
import type { KV, KvEntry } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

import { runInBackground } from '../../common/background';
import { TypedEmitter } from '../janus/emitter';
import { schemaProblem } from '../store/record-checks';

/** One key's last value as the mirror holds it. */
export interface MirroredEntry<T> {
  value: T;
  revision: number;
  /** When the NATS server stored it (ms since epoch, the server's clock). */
  storedAt: number;
}

/**
 * A bucket's keys and last values, kept current by a KV watch; `changed` fires with the key after each change
 * (a put or a delete). Values that do not fit the schema are logged and skipped.
 */
export class BucketMirror<S extends TSchema> extends TypedEmitter<{ changed: [key: string] }> {
  readonly #kv: KV;
  readonly #schema: S;
  readonly #logger: Logger;
  readonly #entries = new Map<string, MirroredEntry<Static<S>>>();
  #stopWatch: (() => void) | undefined;

  private constructor(kv: KV, schema: S, logger: Logger) {
    super((error) => {
      logger.warn({ err: error }, 'a bucket listener failed');
    });
    this.#kv = kv;
    this.#schema = schema;
    this.#logger = logger;
  }

  /** Reads every key of `kv` once, then follows its changes; resolves once the first read is done. */
  static async open<S extends TSchema>(kv: KV, schema: S, logger: Logger): Promise<BucketMirror<S>> {
    const mirror = new BucketMirror(kv, schema, logger);
    await mirror.#start();
    return mirror;
  }

  /** The bucket itself, for writes. */
  get kv(): KV {
    return this.#kv;
  }

  /** One key's last value, or undefined. */
  get(key: string): MirroredEntry<Static<S>> | undefined {
    return this.#entries.get(key);
  }

  /** Every key's last value. */
  entries(): IterableIterator<[string, MirroredEntry<Static<S>>]> {
    return this.#entries.entries();
  }

  /** Stops following the bucket. */
  stop(): void {
    this.#stopWatch?.();
    this.#stopWatch = undefined;
  }

  async #start(): Promise<void> {
    // Watch first (updates only), then read: an entry read late never replaces a newer one (by revision).
    const watch = await this.#kv.watch({ include: 'updates' });
    this.#stopWatch = () => {
      watch.stop();
    };
    runInBackground(
      (async () => {
        for await (const entry of watch) this.#apply(entry);
      })(),
      (error: unknown) => {
        this.#logger.warn({ err: error }, 'stopped watching a cluster bucket');
      },
    );
    for await (const key of await this.#kv.keys()) {
      const entry = await this.#kv.get(key);
      if (entry) this.#apply(entry);
    }
  }

  #apply(entry: KvEntry): void {
    const known = this.#entries.get(entry.key);
    if (known !== undefined && known.revision >= entry.revision) return;
    if (entry.operation !== 'PUT') {
      if (this.#entries.delete(entry.key)) this.emit('changed', entry.key);
      return;
    }
    const value = parse(entry);
    if (!Value.Check(this.#schema, value)) {
      const problem = schemaProblem(this.#schema, value)?.text ?? 'is not valid JSON';
      this.#logger.warn({ key: entry.key, problem }, 'skipped a cluster bucket entry that does not fit');
      return;
    }
    this.#entries.set(entry.key, { value, revision: entry.revision, storedAt: entry.created.getTime() });
    this.emit('changed', entry.key);
  }
}

function parse(entry: KvEntry): unknown {
  try {
    return entry.json();
  } catch {
    return undefined;
  }
}
