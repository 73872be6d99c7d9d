// `vigil keys create|list|revoke`: the REST API's bearer keys in the data folder. The plaintext key is shown
// once, by `create`; listings show ids, names, scopes and dates, never a key or its hash.
import { VigilError } from '../../common/errors';
import pino from 'pino';

import { createRootLogger } from '../base/log';
import { setupCluster } from '../runtime/cluster';
import { Teardown } from '../runtime/teardown';
import { openApiKeyStore, type ApiKeyInfo, type ApiKeyScope, type ApiKeyStore } from '../store/api-keys';
import type { ClusterArgs } from './cluster-args';
import { CliError } from './cli-error';
import { ensureDataDir } from './data-dir';
import type { Output } from './output';

/** `vigil keys create`: prints the new key once. */
export async function createKey(
  target: KeysAt,
  name: string,
  scope: ApiKeyScope,
  out: Output,
): Promise<void> {
  const { id, key } = await withKeyStore(target, (keys) => keys.create(name, scope));
  out.stdout(
    [
      `Created ${scope} key ${id} ("${name}"):`,
      '',
      `  ${key}`,
      '',
      'Copy it now: it is stored only as a hash and cannot be shown again.',
      `Use it as: curl -H "Authorization: Bearer <key>" http://127.0.0.1:3000/cameras`,
      `Revoke it with: vigil keys revoke ${id}`,
      '',
    ].join('\n'),
  );
}

/** `vigil keys list`: a table of the keys (no secrets). */
export async function listKeys(target: KeysAt, out: Output): Promise<void> {
  out.stdout(formatKeyTable(await withKeyStore(target, (keys) => Promise.resolve(keys.list()))));
}

/** `vigil keys revoke ID`. */
export async function revokeKey(target: KeysAt, id: string, out: Output): Promise<void> {
  await withKeyStore(target, (keys) => keys.revoke(id));
  out.stdout(`Revoked key ${id}.\n`);
}

/** The data folder's keys, or with `cluster` the cluster's (in NATS). */
export interface KeysAt {
  dataDir: string;
  cluster?: ClusterArgs | undefined;
}

/** Runs `task` on the key store `target` names (closing the cluster connection after). */
async function withKeyStore<T>(target: KeysAt, task: (keys: ApiKeyStore) => Promise<T>): Promise<T> {
  await ensureDataDir(target.dataDir);
  const { cluster, dataDir } = target;
  if (cluster === undefined) return withUserErrors(() => task(openApiKeyStore(dataDir)));
  const logger = createRootLogger({ level: 'error' }, pino.destination(2));
  const teardown = new Teardown(logger);
  try {
    const { stores } = await setupCluster(cluster, { dataDir, name: 'vigil-keys-cli', logger }, teardown);
    return await withUserErrors(() => task(stores.keys));
  } finally {
    await teardown.run();
  }
}

/** The keys as an aligned text table: id, name, scope, created, last used. */
export function formatKeyTable(keys: readonly ApiKeyInfo[]): string {
  if (keys.length === 0)
    return 'No API keys. Create one with: vigil keys create --name NAME --scope manage|view|alarm\n';
  const rows = [
    ['ID', 'NAME', 'SCOPE', 'CREATED', 'LAST USED'],
    ...keys.map((k) => [k.id, k.name, k.scope, shortTime(k.created_at), shortTime(k.last_used_at)]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n')
    .concat('\n');
}

/** `2025-01-02T03:04:05.678Z` → `2025-01-02 03:04:05Z`; `never` when absent. */
function shortTime(iso: string | undefined): string {
  if (iso === undefined) return 'never';
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Store errors carry messages written for users; VigilErrors (unknown id, bad name) too. */
async function withUserErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof VigilError) throw new CliError(error.message, { cause: error });
    throw error;
  }
}
