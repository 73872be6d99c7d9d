// `vigil keys create|list|revoke`: the REST API's bearer keys in the data folder. The plaintext key is shown
// once, by `create`; listings show ids, names, scopes and dates, never a key or its hash.
import { VigilError } from '../../common/errors';
import { openApiKeyStore, type ApiKeyInfo, type ApiKeyScope } from '../store/api-keys';
import { CliError } from './cli-error';
import { ensureDataDir } from './data-dir';
import type { Output } from './output';

/** `vigil keys create`: prints the new key once. */
export async function createKey(
  dataDir: string,
  name: string,
  scope: ApiKeyScope,
  out: Output,
): Promise<void> {
  await ensureDataDir(dataDir);
  const { id, key } = await withUserErrors(() => openApiKeyStore(dataDir).create(name, scope));
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
export async function listKeys(dataDir: string, out: Output): Promise<void> {
  await ensureDataDir(dataDir);
  out.stdout(formatKeyTable(await withUserErrors(() => Promise.resolve(openApiKeyStore(dataDir).list()))));
}

/** `vigil keys revoke ID`. */
export async function revokeKey(dataDir: string, id: string, out: Output): Promise<void> {
  await ensureDataDir(dataDir);
  await withUserErrors(() => openApiKeyStore(dataDir).revoke(id));
  out.stdout(`Revoked key ${id}.\n`);
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
