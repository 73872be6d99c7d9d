// A bucket's content in memory, kept by a KV watch (every cluster bucket a station reads: the stores, gateways,
// camera health): reads never wait on NATS, and a station serves from its last known state while NATS is away.
// Every (re)synchronisation starts a watch of updates first, then reads every key, so nothing written in between is
// missed; entries older than what the mirror holds are dropped by revision. When NATS comes back the mirror
// synchronises again and reports what changed meanwhile.
import type { KV, KvEntry } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

import { runInBackground } from '../../common/background';
import { schemaProblem } from '../store/record-checks';
import type { ClusterConnection } from './connection';

/** What happened to a key, as another station (or a resync) made it happen. */
export type KvChangeKind = 'added' | 'updated' | 'removed';

/** One change seen on the bucket: the key, what happened, and the value before and after. */
export interface KvChange<T> {
  id: string;
  kind: KvChangeKind;
  value?: T | undefined;
  previous?: T | undefined;
}

/** A value the mirror holds, with the bucket revision it was read at (the compare-and-swap base). */
export interface MirrorEntry<T> {
  value: T;
  revision: number;
}

/** Turns a stored value into T, or undefined for a value that is not one (logged and left out). */
export type KvDecoder<T> = (key: string, entry: KvEntry) => T | undefined;

/** Decodes JSON values that fit `schema`; any other value is logged (with what does not fit) and left out. */
export function schemaDecoder<S extends TSchema>(schema: S, logger: Logger): KvDecoder<Static<S>> {
  return (key, entry) => {
    let problem: string;
    try {
      const value: unknown = entry.json();
      if (Value.Check(schema, value)) return value;
      problem = schemaProblem(schema, value)?.text ?? 'does not fit the schema';
    } catch {
      problem = 'is not valid JSON';
    }
    logger.warn({ key, problem }, 'skipped a cluster bucket entry that does not fit');
    return undefined;
  };
}

/** How long a failed synchronisation waits before it is tried again (while NATS is up). */
const RESYNC_RETRY_MS = 2_000;

/** A KV bucket mirrored in memory by a watch; changes not made through {@link KvMirror.applyPut} are reported. */
export class KvMirror<T> {
  readonly #bucket: KV;
  readonly #decode: KvDecoder<T>;
  readonly #logger: Logger;
  readonly #entries = new Map<string, MirrorEntry<T>>();
  /** Revisions at which this station deleted keys: watch entries up to them are stale. */
  readonly #deletedAt = new Map<string, number>();
  readonly #listeners = new Set<(change: KvChange<T>) => void>();
  /** Keys this station is writing now (how many writes), and the watch entries for them held until they end. */
  readonly #writes = new Map<string, number>();
  readonly #held = new Map<string, KvEntry[]>();
  #stopWatch: (() => void) | undefined;
  #generation = 0;
  #version = 0;
  #stopped = false;
  #unfollow: () => void = () => undefined;

  private constructor(bucket: KV, decode: KvDecoder<T>, logger: Logger) {
    this.#bucket = bucket;
    this.#decode = decode;
    this.#logger = logger;
  }

  /** Mirrors `bucket` (resolves once every key was read) and synchronises again whenever `connection` is back up. */
  static async open<T>(
    bucket: KV,
    connection: Pick<ClusterConnection, 'on'>,
    decode: KvDecoder<T>,
    logger: Logger,
  ): Promise<KvMirror<T>> {
    const mirror = new KvMirror(bucket, decode, logger);
    await mirror.#sync();
    mirror.#unfollow = connection.on('up', () => {
      mirror.#resyncInBackground();
    });
    return mirror;
  }

  /** The entry under `key`, if any. */
  get(key: string): MirrorEntry<T> | undefined {
    return this.#entries.get(key);
  }

  /** Bumped by every change (so readers may cache what they derive from the entries). */
  get version(): number {
    return this.#version;
  }

  /** Every entry. */
  entries(): [string, MirrorEntry<T>][] {
    return [...this.#entries];
  }

  /** Listens to changes made elsewhere; returns how to stop. */
  onChange(listener: (change: KvChange<T>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Runs this station's write of `key`, which records its outcome with applyPut/applyDelete before it resolves. The
   * watch may deliver the write before NATS acknowledges it: entries for `key` wait until the write ends, so this
   * station's own write is never reported as another's, while another station's newer entry still is.
   */
  async writing<R>(key: string, task: () => Promise<R>): Promise<R> {
    this.#writes.set(key, (this.#writes.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      const left = (this.#writes.get(key) ?? 1) - 1;
      if (left > 0) this.#writes.set(key, left);
      else {
        this.#writes.delete(key);
        const held = this.#held.get(key) ?? [];
        this.#held.delete(key);
        for (const entry of held) this.#apply(entry);
      }
    }
  }

  /** Records this station's acknowledged put (read-your-writes); not reported to listeners. */
  applyPut(key: string, value: T, revision: number): void {
    const held = this.#entries.get(key);
    if (held !== undefined && held.revision >= revision) return;
    this.#deletedAt.delete(key);
    this.#entries.set(key, { value, revision });
    this.#version += 1;
  }

  /** Records this station's acknowledged delete of the value at `revision`; not reported to listeners. */
  applyDelete(key: string, revision: number): void {
    const held = this.#entries.get(key);
    if (held !== undefined && held.revision > revision) return;
    this.#entries.delete(key);
    this.#deletedAt.set(key, revision);
    this.#version += 1;
  }

  /** Stops watching. */
  stop(): void {
    this.#stopped = true;
    this.#unfollow();
    this.#stopWatch?.();
  }

  #resyncInBackground(): void {
    if (this.#stopped) return;
    runInBackground(this.#sync(), (error: unknown) => {
      this.#logger.warn({ err: error }, 'the cluster store could not be read again; trying again');
      setTimeout(() => {
        this.#resyncInBackground();
      }, RESYNC_RETRY_MS).unref();
    });
  }

  /** Watches updates, reads every key, reports differences against the mirror, then follows the watch. */
  async #sync(): Promise<void> {
    this.#stopWatch?.();
    const generation = ++this.#generation;
    const watch = await this.#bucket.watch({ include: 'updates' });
    this.#stopWatch = () => {
      watch.stop();
    };
    const early: KvEntry[] = [];
    let live = false;
    const follow = async (): Promise<void> => {
      for await (const entry of watch) {
        if (generation !== this.#generation) return;
        if (live) this.#take(entry);
        else early.push(entry);
      }
    };
    runInBackground(follow(), (error: unknown) => {
      this.#logger.warn({ err: error }, 'stopped watching the cluster store until NATS is back');
    });
    try {
      const snapshot = await this.#readAll();
      if (generation !== this.#generation) return;
      this.#replace(snapshot);
    } catch (error) {
      watch.stop();
      throw error;
    }
    for (const entry of early.splice(0)) this.#take(entry);
    live = true;
  }

  async #readAll(): Promise<Map<string, MirrorEntry<T>>> {
    const keys: string[] = [];
    for await (const key of await this.#bucket.keys()) keys.push(key);
    const entries = await Promise.all(keys.map((key) => this.#bucket.get(key)));
    const snapshot = new Map<string, MirrorEntry<T>>();
    for (const entry of entries) {
      if (entry === null || entry.operation !== 'PUT') continue;
      const value = this.#decode(entry.key, entry);
      if (value !== undefined) snapshot.set(entry.key, { value, revision: entry.revision });
    }
    return snapshot;
  }

  /** Takes the snapshot as the mirror, reporting every difference (a resync after NATS came back). */
  #replace(snapshot: Map<string, MirrorEntry<T>>): void {
    const changes: KvChange<T>[] = [];
    for (const [id, held] of this.#entries) {
      if (!snapshot.has(id)) changes.push({ id, kind: 'removed', previous: held.value });
    }
    for (const [id, read] of snapshot) {
      const held = this.#entries.get(id);
      if (held === undefined) changes.push({ id, kind: 'added', value: read.value });
      else if (held.revision !== read.revision) {
        changes.push({ id, kind: 'updated', value: read.value, previous: held.value });
      }
    }
    this.#entries.clear();
    for (const [id, read] of snapshot) this.#entries.set(id, read);
    this.#deletedAt.clear();
    this.#version += 1;
    for (const change of changes) this.#report(change);
  }

  /** Applies a watch entry, or holds it while this station writes its key. */
  #take(entry: KvEntry): void {
    if (!this.#writes.has(entry.key)) {
      this.#apply(entry);
      return;
    }
    const held = this.#held.get(entry.key) ?? [];
    held.push(entry);
    this.#held.set(entry.key, held);
  }

  #apply(entry: KvEntry): void {
    const { key, revision } = entry;
    const held = this.#entries.get(key);
    if (held !== undefined && held.revision >= revision) return;
    if (revision <= (this.#deletedAt.get(key) ?? 0)) return;
    if (entry.operation !== 'PUT') {
      if (held === undefined) return;
      this.#entries.delete(key);
      this.#deletedAt.set(key, revision);
      this.#report({ id: key, kind: 'removed', previous: held.value });
      return;
    }
    const value = this.#decode(key, entry);
    if (value === undefined) return;
    this.#entries.set(key, { value, revision });
    this.#deletedAt.delete(key);
    const kind = held === undefined ? 'added' : 'updated';
    this.#report({ id: key, kind, value, previous: held?.value });
  }

  #report(change: KvChange<T>): void {
    this.#version += 1;
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#logger.warn({ err: error, key: change.id }, 'a cluster store listener failed');
      }
    }
  }
}
