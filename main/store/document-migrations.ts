// Migrations of a JSON document. A step may be async (sealing a secret is), the engines' migrations are sync: so
// the steps run first, on the document as read, and the engine's step for each version only checks that the file
// still holds that step's input and writes its output. The engine records the version as it always has.
import { isDeepStrictEqual } from 'node:util';

import type { StoreBackend } from './store-backend';

/** Brings a document from the version before to this one, or says what is wrong (the file is then damaged). */
export type MigrationStep = (document: Record<string, unknown>) => Promise<Record<string, unknown> | string>;

/** One step as it ran: its version, the document it was given, the document it made. */
export interface MigrationRun {
  version: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

/** The engine's bookkeeping key inside a document file. */
const INTERNAL_KEY = '__internal__';

/** The document a file holds, without the engine's bookkeeping. */
export function userDocument(data: Record<string, unknown>): Record<string, unknown> {
  const { [INTERNAL_KEY]: _bookkeeping, ...document } = data;
  return document;
}

/** The version the engine recorded in a file (`__internal__.migrations.version`), if any. */
export function storedVersion(data: Record<string, unknown>): unknown {
  const internal = data[INTERNAL_KEY] as { migrations?: { version?: unknown } } | undefined;
  return internal?.migrations?.version;
}

/**
 * The versions, ascending, whose steps a file recorded at `stored` needs to reach `target`: those above `stored` (all
 * when it records no plain `x.y.z` version) and not above `target`. conf decides which steps to run the same way.
 */
export function pendingVersions(versions: readonly string[], stored: unknown, target: string): string[] {
  const from = typeof stored === 'string' ? parseVersion(stored) : undefined;
  const to = parseVersion(target);
  if (to === undefined) throw new TypeError(`"${target}" is not a version (x.y.z)`);
  return versions
    .map((version) => ({ version, parsed: parseVersion(version) }))
    .filter(({ version, parsed }) => {
      if (parsed === undefined) throw new TypeError(`migration "${version}" is not a version (x.y.z)`);
      return (from === undefined || compare(parsed, from) > 0) && compare(parsed, to) <= 0;
    })
    .sort((a, b) => compare(a.parsed as number[], b.parsed as number[]))
    .map(({ version }) => version);
}

/** Runs the steps a file needs, in order, each on the last one's output; a problem any step finds ends the run. */
export async function runMigrations(
  steps: Readonly<Record<string, MigrationStep>>,
  data: Record<string, unknown>,
  target: string,
): Promise<MigrationRun[] | string> {
  const runs: MigrationRun[] = [];
  let document = userDocument(data);
  for (const version of pendingVersions(Object.keys(steps), storedVersion(data), target)) {
    const output = await (steps[version] as MigrationStep)(document);
    if (typeof output === 'string') return output;
    runs.push({ version, input: document, output });
    document = output;
  }
  return runs;
}

/** The engine's migrations for these runs: each checks the file still holds its input, then writes its output. */
export function engineMigrations(
  path: string,
  versions: readonly string[],
  runs: readonly MigrationRun[],
): Record<string, (store: StoreBackend) => void> {
  const step =
    (version: string) =>
    (store: StoreBackend): void => {
      const run = runs.find((r) => r.version === version);
      if (run === undefined) return;
      if (!isDeepStrictEqual({ ...store.store }, run.input)) {
        throw new Error(`${path} changed while it was being migrated; start again`);
      }
      store.store = run.output;
    };
  return Object.fromEntries(versions.map((version) => [version, step(version)]));
}

function parseVersion(version: string): number[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match === null ? undefined : match.slice(1).map(Number);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (const [index, part] of a.entries()) {
    const diff = part - (b[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
