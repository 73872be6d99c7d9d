// The saved views, in views.json: the document primitive keeps the file; here are the view rules (unique ids,
// frozen records, exactly the served View's fields).
import { Type } from 'typebox';

import { ErrorCode, VigilError } from '../../common/errors';
import { View } from '../../common/views';
import { openDocument, type DocumentOptions } from './document-store';
import { assertRecord, listDocumentCheck } from './record-checks';
import { createRecordList, type RecordList, type RecordListRules } from './record-list';

/** The view store's schema version (the engine records it as `__internal__.migrations.version`). */
export const VIEW_STORE_VERSION = '1.0.0';
/** The view store's file inside the data directory. */
export const VIEW_STORE_FILE = 'views.json';

/** A stored view: exactly the served View, no other fields. */
const StoredView = Type.Object(View.properties, { additionalProperties: false });

/** views.json as a whole. */
const ViewsDocument = Type.Object({ views: Type.Array(StoredView) });

/** views.json's content. */
type ViewsDocument = { views: View[] };

/** What {@link openViewStore} needs: the data folder and the engine (default conf; electron-store in Electron). */
export type ViewStoreOptions = DocumentOptions;

/**
 * The saved views; reads and writes are synchronous, each write replaces the file atomically. `insert` refuses a
 * taken id with `VIGIL_ERR_VIEW_EXISTS`, `replace` and `remove` an unknown one with `VIGIL_ERR_VIEW_NOT_FOUND`
 * (both on field `view_id`).
 */
export interface ViewStore extends RecordList<View> {
  /** The store file. */
  readonly path: string;
}

/** The error for an unknown view id. */
export function viewNotFound(viewId: string): VigilError {
  return new VigilError(ErrorCode.ViewNotFound, `No view "${viewId}"`, 'view_id');
}

/**
 * Opens `<dataDir>/views.json` (0600, atomic writes), validating every record; a damaged file throws
 * `StoreCorruptError` after saving a copy, exactly like the camera store.
 * @example
 * const views = openViewStore({ dataDir });
 * views.insert(view);
 */
export function openViewStore(options: ViewStoreOptions): ViewStore {
  const document = openDocument<ViewsDocument>(
    {
      name: 'views',
      schema: ViewsDocument,
      version: VIEW_STORE_VERSION,
      check: listDocumentCheck(StoredView, { list: 'views', record: 'view', idField: 'view_id' }),
    },
    options,
  );
  const records = createRecordList(document, 'views', VIEW_RECORD_RULES);
  return { ...records, path: document.path };
}

/** What a view record list checks: exactly the served View's fields, unique ids, frozen records. */
export const VIEW_RECORD_RULES: RecordListRules<View> = {
  idOf: (view) => view.view_id,
  check(view) {
    assertRecord(StoredView, view, 'View record');
  },
  freeze(view) {
    Object.freeze(view.tiles);
    if (view.tour !== null) {
      Object.freeze(view.tour.cameras);
      Object.freeze(view.tour);
    }
    return Object.freeze(view);
  },
  exists: (viewId) => new VigilError(ErrorCode.ViewExists, `View "${viewId}" already exists`, 'view_id'),
  notFound: viewNotFound,
};
