// Browser sign-in state in the `vigil_sessions` bucket: one key per session (`s.<sha256>`) and per sign-in token
// (`t.<sha256>`), each stored only as the SHA-256 of its secret, as sessions.json does. A write computes which
// keys to put and delete; it is visible here at once and sent to NATS in the background. While NATS is away a
// write is refused (VIGIL_ERR_CLUSTER_UNAVAILABLE): no one signs in, sessions already open keep working.
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { Value } from 'typebox/value';

import { runInBackground } from '../../common/background';
import {
  StoredSession,
  StoredSignInToken,
  type SessionRecords,
  type SessionsDocument,
} from '../store/session-store';
import type { ClusterConnection } from './connection';
import { KvMirror } from './kv-mirror';

type SessionEntry = StoredSession | StoredSignInToken;

/** The KV key of a stored session or token. */
function keyOf(entry: SessionEntry): string {
  return 'created_at' in entry ? `s.${entry.sha256}` : `t.${entry.sha256}`;
}

/** Which keys a write puts (new or changed) and deletes (gone), from the content before and after. */
export function sessionWrites(
  before: SessionsDocument,
  after: SessionsDocument,
): { puts: [string, SessionEntry][]; deletes: string[] } {
  const old = new Map<string, string>(
    [...before.sessions, ...before.tokens].map((e) => [keyOf(e), JSON.stringify(e)]),
  );
  const next = new Map<string, SessionEntry>([...after.sessions, ...after.tokens].map((e) => [keyOf(e), e]));
  return {
    puts: [...next].filter(([key, entry]) => old.get(key) !== JSON.stringify(entry)),
    deletes: [...old.keys()].filter((key) => !next.has(key)),
  };
}

/** Session records in NATS: where they are, waiting for writes in flight, and stop. */
export interface KvSessionRecords extends SessionRecords {
  readonly path: string;
  /** Resolves once every write sent so far was answered (stored, or failed and logged). */
  flush(): Promise<void>;
  stop(): void;
}

/** Session records on the `vigil_sessions` bucket. */
export async function openKvSessionRecords(
  bucket: KV,
  connection: ClusterConnection,
  logger: Logger,
  bucketName: string,
): Promise<KvSessionRecords> {
  const mirror = await KvMirror.open<SessionEntry>(
    bucket,
    connection,
    (key, entry) => {
      const value: unknown = entry.json();
      const schema = key.startsWith('s.') ? StoredSession : StoredSignInToken;
      return Value.Check(schema, value) ? value : undefined;
    },
    logger,
  );
  /** Writes sent but not acknowledged yet: key → entry, or null for a delete. */
  const pending = new Map<string, SessionEntry | null>();
  const inFlight = new Set<Promise<unknown>>();
  const read = (): SessionsDocument => {
    const all = new Map(mirror.entries().map(([key, entry]) => [key, entry.value] as const));
    for (const [key, entry] of pending) {
      if (entry === null) all.delete(key);
      else all.set(key, entry);
    }
    const values = [...all.values()];
    return {
      sessions: values.filter((e): e is StoredSession => 'created_at' in e),
      tokens: values.filter((e): e is StoredSignInToken => !('created_at' in e)),
    };
  };
  const settle = (key: string, entry: SessionEntry | null, sent: Promise<void>): void => {
    pending.set(key, entry);
    runInBackground(sent, (error: unknown) => {
      logger.warn({ err: error }, 'a browser sign-in change could not be stored in the cluster');
    });
    const done = sent.finally(() => {
      if (pending.get(key) === entry) pending.delete(key);
      inFlight.delete(done);
    });
    inFlight.add(done);
    runInBackground(done, () => undefined);
  };
  return {
    path: `nats:${bucketName}`,
    read,
    write(document) {
      connection.assertUp();
      const { puts, deletes } = sessionWrites(read(), document);
      for (const [key, entry] of puts) {
        settle(
          key,
          entry,
          bucket.put(key, JSON.stringify(entry)).then((rev) => {
            mirror.applyPut(key, entry, rev);
          }),
        );
      }
      for (const key of deletes) {
        const held = mirror.get(key);
        settle(
          key,
          null,
          bucket.delete(key).then(() => {
            if (held !== undefined) mirror.applyDelete(key, held.revision);
          }),
        );
      }
    },
    flush: async () => {
      await Promise.allSettled([...inFlight]);
    },
    stop: () => {
      mirror.stop();
    },
  };
}
