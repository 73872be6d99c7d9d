// A RecordList (cameras, views) on a JetStream KV bucket, one key per record (ids are slugs, which are valid KV
// keys). Reads are synchronous, from the bucket's mirror; writes are compare-and-swap on the mirror's revision,
// so two stations adding the same id get one success and one `exists` error, and a change based on a stale read
// is refused with VIGIL_ERR_CONFLICT instead of overwriting another station's.
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import type { RecordList, RecordListRules } from '../store/record-list';
import type { ClusterConnection } from './connection';
import { KvMirror, type KvChange } from './kv-mirror';
import { clusterWrite } from './kv-writes';

/** A record as the bucket holds it: the record and when it was first stored (the list's order). */
interface KvRecordEnvelope<T> {
  created: number;
  record: T;
}

/** A list of records on a KV bucket: the record list, what another station changed, and stop. */
export interface KvRecordList<T> extends RecordList<T> {
  /** Listens to records added, updated or removed elsewhere (another station, or while NATS was away). */
  onChange(listener: (change: KvChange<T>) => void): () => void;
  /** Stops watching the bucket. */
  stop(): void;
}

/** The error for a change based on a record another station changed since it was read. */
export function conflict(what: string): VigilError {
  return new VigilError(
    ErrorCode.Conflict,
    `${what} was changed by another station meanwhile: nothing was changed here. Read it again and retry.`,
  );
}

/**
 * Opens the list on `bucket`: resolves once every record was read; follows changes until `stop()`.
 * @example
 * const views = await openKvRecordList(await cluster.bucket('vigil_views'), cluster, viewRules, logger);
 */
export async function openKvRecordList<T>(
  bucket: KV,
  connection: ClusterConnection,
  rules: RecordListRules<T>,
  logger: Logger,
): Promise<KvRecordList<T>> {
  const mirror = await KvMirror.open<KvRecordEnvelope<T>>(
    bucket,
    connection,
    (key, entry) => decodeRecord(key, entry.string(), rules, logger),
    logger,
  );
  let cached: { version: number; records: readonly T[] } | undefined;
  const list = (): readonly T[] => {
    if (cached?.version !== mirror.version) {
      const ordered = mirror
        .entries()
        .sort(([a, x], [b, y]) => x.value.created - y.value.created || (a < b ? -1 : a > b ? 1 : 0));
      cached = { version: mirror.version, records: Object.freeze(ordered.map(([, e]) => e.value.record)) };
    }
    return cached.records;
  };
  const admitted = (record: T): T => {
    rules.check(
      record,
      list().filter((other) => rules.idOf(other) !== rules.idOf(record)),
    );
    return rules.freeze(structuredClone(record));
  };
  const held = (id: string) => {
    const entry = mirror.get(id);
    if (entry === undefined) throw rules.notFound(id);
    return entry;
  };
  return {
    list,
    get: (id) => mirror.get(id)?.value.record,
    async insert(record) {
      const clean = admitted(record);
      const id = rules.idOf(clean);
      if (mirror.get(id) !== undefined) throw rules.exists(id);
      const envelope = { created: Date.now(), record: clean };
      await mirror.writing(id, async () => {
        const revision = await clusterWrite(
          connection,
          () => bucket.create(id, JSON.stringify(envelope)),
          () => rules.exists(id),
        );
        mirror.applyPut(id, envelope, revision);
      });
    },
    async replace(record) {
      const clean = admitted(record);
      const id = rules.idOf(clean);
      const { value, revision } = held(id);
      const envelope = { created: value.created, record: clean };
      await mirror.writing(id, async () => {
        const next = await clusterWrite(
          connection,
          () => bucket.update(id, JSON.stringify(envelope), revision),
          () => conflict(`"${id}"`),
        );
        mirror.applyPut(id, envelope, next);
      });
    },
    async remove(id) {
      const { revision } = held(id);
      await mirror.writing(id, async () => {
        await clusterWrite(
          connection,
          () => bucket.delete(id, { previousSeq: revision }),
          () => conflict(`"${id}"`),
        );
        mirror.applyDelete(id, revision);
      });
    },
    onChange: (listener) =>
      mirror.onChange((change) => {
        listener({
          id: change.id,
          kind: change.kind,
          value: change.value?.record,
          previous: change.previous?.record,
        });
      }),
    stop: () => {
      mirror.stop();
    },
  };
}

/** A stored envelope's record when it is one this list may hold; anything else is logged and left out. */
function decodeRecord<T>(
  key: string,
  text: string,
  rules: RecordListRules<T>,
  logger: Logger,
): KvRecordEnvelope<T> | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<KvRecordEnvelope<T>>;
    if (typeof parsed.created !== 'number' || parsed.record === undefined)
      throw new Error('not a record envelope');
    rules.check(parsed.record, []);
    if (rules.idOf(parsed.record) !== key) throw new Error(`its id is not its key "${key}"`);
    return { created: parsed.created, record: rules.freeze(parsed.record) };
  } catch (error) {
    logger.warn({ err: error, key }, 'a record in the cluster store is not valid: it is left out');
    return undefined;
  }
}
