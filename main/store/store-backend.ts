// The engine under a JSON document: conf under plain Node, electron-store inside Electron. electron-store is conf
// with Electron's defaults, so both take the same options and write byte-identical files.
import Conf, { type Schema } from 'conf';

/** The part of conf's (and so electron-store's) API a document uses. */
export interface StoreBackend {
  /** The file the engine reads and writes. */
  readonly path: string;
  /** The whole document without the engine's bookkeeping; assigning replaces it in one atomic write. */
  store: Record<string, unknown>;
  /** Writes these top-level keys in one atomic write (temp file + rename), keeping the others. */
  set(values: Record<string, unknown>): void;
}

/** What an engine is built with: conf's options, which electron-store takes too (it names the file `name`). */
export interface StoreBackendOptions {
  cwd: string;
  configName: string;
  configFileMode: number;
  /** Always false: a damaged file must stop the station, never be replaced by an empty store. */
  clearInvalidConfig: false;
  /** The document's version; the engine records it as `__internal__.migrations.version`. */
  projectVersion: string;
  /** Steps the engine runs for a file older than `projectVersion`, keyed by the version each reaches. */
  migrations: Record<string, (store: StoreBackend) => void>;
  /** The document's top-level keys as JSON Schema; the engine checks every read and write against it. */
  schema: Schema<Record<string, unknown>>;
}

/** Builds an engine, e.g. electron-store inside Electron (see main/app/desktop-stores.ts). */
export type StoreBackendFactory = (options: StoreBackendOptions) => StoreBackend;

/** The plain-Node engine: conf. */
export const confBackend: StoreBackendFactory = (options) => new Conf<Record<string, unknown>>(options);
