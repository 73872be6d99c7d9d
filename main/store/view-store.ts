import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Type } from 'typebox';

import { ErrorCode, VigilError } from '../../common/errors';
import { View } from '../../common/views';
import {
  STORE_FILE_MODE,
  StoreUnreadableError,
  confBackend,
  errnoOf,
  readStoreFile,
  storeCorrupt,
  type StoreBackend,
  type StoreBackendFactory,
} from './camera-store';
import { checkUniqueRecords, schemaProblem } from './stored-camera';

/** The view store's schema version (conf records it as `__internal__.migrations.version`). */
export const VIEW_STORE_VERSION = '1.0.0';
/** The view store's file inside the data directory. */
export const VIEW_STORE_FILE = 'views.json';

/** A stored view: exactly the served View, no other fields. */
const StoredView = Type.Object(View.properties, { additionalProperties: false });

/** What {@link openViewStore} needs. */
export interface ViewStoreOptions {
  dataDir: string;
  /** The key-value engine (default conf; electron-store inside Electron). */
  backend?: StoreBackendFactory;
}

/** The saved views; reads and writes are synchronous, each write replaces the file atomically. */
export interface ViewStore {
  /** The store file. */
  readonly path: string;
  /** Every view in creation order (frozen records). */
  list(): readonly View[];
  /** One view, or undefined. */
  get(viewId: string): View | undefined;
  /** Adds a view; throws `VIGIL_ERR_VIEW_EXISTS` (field `view_id`) for a taken id. */
  insert(view: View): void;
  /** Replaces a view in place; throws `VIGIL_ERR_VIEW_NOT_FOUND` (field `view_id`) for an unknown id. */
  replace(view: View): void;
  /** Removes a view; throws `VIGIL_ERR_VIEW_NOT_FOUND` (field `view_id`) for an unknown id. */
  remove(viewId: string): void;
}

/** The error for an unknown view id. */
export function viewNotFound(viewId: string): VigilError {
  return new VigilError(ErrorCode.ViewNotFound, `No view "${viewId}"`, 'view_id');
}

/**
 * Opens `<dataDir>/views.json` (conf, 0600, atomic writes), validating every record; a damaged file throws
 * `StoreCorruptError` after saving a copy, exactly like the camera store.
 * @example
 * const views = openViewStore({ dataDir });
 * views.insert(view);
 */
export function openViewStore(options: ViewStoreOptions): ViewStore {
  const { dataDir } = options;
  const path = join(dataDir, VIEW_STORE_FILE);
  // Checked before conf opens the file (conf records its version in it), so a damaged file is left untouched.
  const file = readStoreFile(path);
  const problem = file === undefined ? undefined : checkViews(file.data.views ?? []);
  if (typeof problem === 'string' && file !== undefined) throw storeCorrupt(path, file.bytes, problem);
  const backend = openBackend(dataDir, path, options.backend ?? confBackend);
  const loaded = checkViews(backend.get('views') ?? []);
  if (typeof loaded === 'string') throw storeCorrupt(path, readFileSync(path), loaded);
  return createViewStore(backend, loaded.map(freeze));
}

function openBackend(dataDir: string, path: string, factory: StoreBackendFactory): StoreBackend {
  try {
    return factory({
      cwd: dataDir,
      configName: 'views',
      configFileMode: STORE_FILE_MODE,
      clearInvalidConfig: false,
      projectVersion: VIEW_STORE_VERSION,
      migrations: {},
    });
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === undefined) throw error;
    throw new StoreUnreadableError(path, errno, { cause: error });
  }
}

function createViewStore(backend: StoreBackend, initial: View[]): ViewStore {
  let records: readonly View[] = Object.freeze(initial);
  const write = (next: View[]): void => {
    backend.set('views', next);
    records = Object.freeze(next);
  };
  const indexOf = (viewId: string): number => records.findIndex((r) => r.view_id === viewId);
  const checked = (view: View): View => {
    const problem = schemaProblem(StoredView, view);
    if (problem !== undefined) {
      throw new VigilError(ErrorCode.Validation, `View record ${problem.text}`, problem.field || undefined);
    }
    return freeze(structuredClone(view));
  };
  return {
    path: backend.path,
    list: () => records,
    get: (viewId) => records[indexOf(viewId)],
    insert(view) {
      const clean = checked(view);
      if (indexOf(clean.view_id) !== -1) {
        throw new VigilError(ErrorCode.ViewExists, `View "${clean.view_id}" already exists`, 'view_id');
      }
      write([...records, clean]);
    },
    replace(view) {
      const clean = checked(view);
      const index = indexOf(clean.view_id);
      if (index === -1) throw viewNotFound(clean.view_id);
      write(records.with(index, clean));
    },
    remove(viewId) {
      if (indexOf(viewId) === -1) throw viewNotFound(viewId);
      write(records.filter((r) => r.view_id !== viewId));
    },
  };
}

/** The records when every one fits the schema and ids are unique, else what is wrong (never a value). */
function checkViews(value: unknown): View[] | string {
  return checkUniqueRecords(value, StoredView, { list: 'views', record: 'view', idField: 'view_id' });
}

function freeze(view: View): View {
  Object.freeze(view.tiles);
  if (view.tour !== null) {
    Object.freeze(view.tour.cameras);
    Object.freeze(view.tour);
  }
  return Object.freeze(view);
}
