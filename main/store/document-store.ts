// One JSON document in the data folder — cameras.json, views.json, api-keys.json, desktop.json — on an engine (conf
// under Node, electron-store in Electron): read and checked before the engine touches the file, migrated, written
// atomically with mode 0600, and watched for changes. A damaged file stops the station with a copy saved; it is
// never replaced by an empty document.
import { join } from 'node:path';

import type { TObject } from 'typebox';

import {
  engineMigrations,
  runMigrations,
  userDocument,
  type MigrationRun,
  type MigrationStep,
} from './document-migrations';
import {
  confBackend,
  type StoreBackend,
  type StoreBackendFactory,
  type StoreBackendOptions,
} from './store-backend';
import { StoreUnreadableError, errnoOf, storeWriteError } from './store-errors';
import { STORE_FILE_MODE, fileStamp, readStoreFile, storeCorrupt, type StoreFile } from './store-file';

/** What a document is: its file, its schema and version, and the rules its content must follow. */
export interface DocumentSpec<T extends Record<string, unknown>> {
  /** The file's name without `.json`, e.g. `cameras`. */
  name: string;
  /** The document's top-level keys; the engine checks every write against it. */
  schema: TObject;
  /** The document's version (`x.y.z`), recorded by the engine as `__internal__.migrations.version`. */
  version: string;
  /** The content when it follows the document's rules, else what is wrong (it names the record, never a secret). */
  check(document: Record<string, unknown>): T | string;
  /** Another process writes the file too (`vigil keys`): every read first looks whether it changed on disk. */
  shared?: boolean;
}

/** A document with steps from older versions, keyed by the version each reaches. */
export interface MigratedDocumentSpec<T extends Record<string, unknown>> extends DocumentSpec<T> {
  migrations: Readonly<Record<string, MigrationStep>>;
}

/** Where a document lives and on which engine. */
export interface DocumentOptions {
  dataDir: string;
  /** The engine (default conf; electron-store inside Electron). */
  backend?: StoreBackendFactory | undefined;
}

/** An open document; reads and writes are synchronous. */
export interface JsonDocument<T extends Record<string, unknown>> {
  /** The document's file. */
  readonly path: string;
  /** True when this open migrated the file from an older version. */
  readonly migrated: boolean;
  /** The content now (checked); a shared document is read again first when another process changed it. */
  read(): T;
  /**
   * Writes these top-level keys in one atomic write, keeping the others. When the disk refuses (full, read-only, no
   * permission) it throws `VIGIL_ERR_STORAGE_UNAVAILABLE` and the content stays as it was.
   */
  write(change: Partial<T>): void;
  /** Calls `listener` after every change: a write here, or another process's write a read found. */
  onChange(listener: (document: T) => void): () => void;
}

/**
 * Opens `<dataDir>/<name>.json`, checking it before the engine opens it; {@link StoreCorruptError} for a damaged
 * file (a copy is saved, the file left alone), {@link StoreUnreadableError} for one that cannot be read.
 * @example
 * const notes = openDocument<{ notes: string[] }>(
 *   { name: 'notes', schema: Type.Object({ notes: Type.Array(Type.String()) }), version: '1.0.0', check },
 *   { dataDir },
 * );
 * notes.write({ notes: [...notes.read().notes, 'lobby camera moved'] });
 */
export function openDocument<T extends Record<string, unknown>>(
  spec: DocumentSpec<T>,
  options: DocumentOptions,
): JsonDocument<T> {
  const path = join(options.dataDir, `${spec.name}.json`);
  return openChecked(spec, options, path, readStoreFile(path), [], []);
}

/** Like {@link openDocument}, first bringing an older file to the spec's version with its (async) steps. */
export async function openMigratedDocument<T extends Record<string, unknown>>(
  spec: MigratedDocumentSpec<T>,
  options: DocumentOptions,
): Promise<JsonDocument<T>> {
  const path = join(options.dataDir, `${spec.name}.json`);
  const file = readStoreFile(path);
  let runs: MigrationRun[] = [];
  if (file !== undefined) {
    const migrated = await runMigrations(spec.migrations, file.data, spec.version);
    if (typeof migrated === 'string') throw storeCorrupt(path, file.bytes, migrated);
    runs = migrated;
  }
  return openChecked(spec, options, path, file, Object.keys(spec.migrations), runs);
}

function openChecked<T extends Record<string, unknown>>(
  spec: DocumentSpec<T>,
  options: DocumentOptions,
  path: string,
  file: StoreFile | undefined,
  versions: readonly string[],
  runs: readonly MigrationRun[],
): JsonDocument<T> {
  // Checked before the engine opens the file (it records its version there), so a damaged file is left untouched.
  const content = check(spec, path, file, runs.at(-1)?.output);
  const backend = openBackend(path, options.backend ?? confBackend, {
    cwd: options.dataDir,
    configName: spec.name,
    configFileMode: STORE_FILE_MODE,
    clearInvalidConfig: false,
    projectVersion: spec.version,
    migrations: engineMigrations(path, versions, runs),
    // The same schema, as JSON Schema: TypeBox checks the content here, the engine (ajv) every later write.
    schema: spec.schema.properties,
  });
  if (backend.path !== path) throw new Error(`The store engine opened ${backend.path} instead of ${path}`);
  return createDocument(spec, backend, content, runs.length > 0);
}

function createDocument<T extends Record<string, unknown>>(
  spec: DocumentSpec<T>,
  backend: StoreBackend,
  initial: T,
  migrated: boolean,
): JsonDocument<T> {
  const { path } = backend;
  const listeners = new Set<(document: T) => void>();
  let content = initial;
  // Only a shared document keeps the stamp of the file it last read or wrote.
  let stamp = spec.shared === true ? fileStamp(path) : undefined;
  const changed = (next: T): void => {
    content = next;
    for (const listener of listeners) listener(next);
  };
  return {
    path,
    migrated,
    read() {
      const onDisk = stamp === undefined ? undefined : fileStamp(path);
      if (onDisk !== stamp) {
        const next = check(spec, path, readStoreFile(path));
        stamp = onDisk;
        changed(next);
      }
      return content;
    },
    write(change) {
      try {
        backend.set(change);
      } catch (error) {
        throw storeWriteError(path, error);
      }
      if (stamp !== undefined) stamp = fileStamp(path);
      changed({ ...content, ...change });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The file's content (or a migration's output) when it follows the spec's rules; else the file is damaged. */
function check<T extends Record<string, unknown>>(
  spec: DocumentSpec<T>,
  path: string,
  file: StoreFile | undefined,
  migrated?: Record<string, unknown>,
): T {
  const checked = spec.check(migrated ?? userDocument(file?.data ?? {}));
  if (typeof checked !== 'string') return checked;
  if (file === undefined) throw new Error(`An empty ${spec.name} document breaks its own rules: ${checked}`);
  throw storeCorrupt(path, file.bytes, checked);
}

function openBackend(path: string, factory: StoreBackendFactory, options: StoreBackendOptions): StoreBackend {
  try {
    return factory(options);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === undefined) throw error;
    throw new StoreUnreadableError(path, errno, { cause: error });
  }
}
