// The REST API's keys in the `vigil_keys` bucket, one key per API key id, each stored only as the SHA-256 of the
// key (as api-keys.json). Verifying reads the mirror; creating and revoking are compare-and-swap writes, refused
// with VIGIL_ERR_CLUSTER_UNAVAILABLE while NATS is away. Last uses are written back best effort.
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { Value } from 'typebox/value';

import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import { apiKeyStoreOn, StoredApiKey, type ApiKeyStore } from '../store/api-keys';
import type { ClusterConnection } from './connection';
import { KvMirror } from './kv-mirror';
import { conflict } from './kv-record-list';
import { clusterWrite } from './kv-writes';

/** The API key store on the `vigil_keys` bucket; `dataDir` is this station's (it holds manage.key). */
export async function openKvApiKeyStore(
  bucket: KV,
  connection: ClusterConnection,
  options: { dataDir: string; logger: Logger; path: string },
): Promise<ApiKeyStore & { stop(): void }> {
  const { logger } = options;
  const mirror = await KvMirror.open<StoredApiKey>(
    bucket,
    connection,
    (key, entry) => {
      const record: unknown = entry.json();
      if (Value.Check(StoredApiKey, record) && record.id === key) return record;
      logger.warn({ key }, 'an API key in the cluster store is not valid: it is left out');
      return undefined;
    },
    logger,
  );
  const current = (): StoredApiKey[] =>
    mirror
      .entries()
      .map(([, entry]) => entry.value)
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  const store = apiKeyStoreOn(
    {
      current,
      async add(record) {
        const revision = await clusterWrite(
          connection,
          () => bucket.create(record.id, JSON.stringify(record)),
          () => new VigilError(ErrorCode.Conflict, `API key id ${record.id} is taken; try again`),
        );
        mirror.applyPut(record.id, record, revision);
      },
      async delete(id) {
        const held = mirror.get(id);
        if (held === undefined) return;
        await clusterWrite(
          connection,
          () => bucket.delete(id, { previousSeq: held.revision }),
          () => conflict(`API key ${id}`),
        );
        mirror.applyDelete(id, held.revision);
      },
      writeLastUses(uses) {
        connection.assertUp();
        for (const [id, at] of uses) {
          const held = mirror.get(id);
          if (held === undefined) continue;
          const record = { ...held.value, last_used_at: at };
          // Best effort: a station that lost the race to another's write simply skips this use.
          runInBackground(
            bucket.update(id, JSON.stringify(record), held.revision).then((revision) => {
              mirror.applyPut(id, record, revision);
            }),
            () => undefined,
          );
        }
      },
    },
    { path: options.path, dataDir: options.dataDir },
  );
  return {
    ...store,
    stop: () => {
      mirror.stop();
    },
  };
}
