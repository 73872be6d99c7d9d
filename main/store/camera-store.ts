import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import Conf from 'conf';
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import type { SecretCipher } from './secret-cipher';
import {
  StoredCamera,
  checkCameraRecords,
  convertCamerasV0,
  randomMountpointId,
  randomMountpointPin,
  randomMountpointSecret,
  schemaProblem,
  type StoredMountpoint,
} from './stored-camera';

/** The camera store's schema version; conf records it as `__internal__.migrations.version`. */
export const CAMERA_STORE_VERSION = '1.0.0';
/** The camera store's file inside the data directory. */
export const CAMERA_STORE_FILE = 'cameras.json';
/** Mode of every store file: owner read/write only. */
export const STORE_FILE_MODE = 0o600;

/** The key-value engine under a store: conf under Node, electron-store (built on conf, same API) in Electron. */
export interface StoreBackend {
  /** The file the engine reads and writes. */
  readonly path: string;
  /** The value under a top-level key. */
  get(key: string): unknown;
  /** Writes a top-level key (conf writes the whole file atomically: temp file + rename). */
  set(key: string, value: unknown): void;
}

/** What a backend is built with; conf and electron-store take these options as they are. */
export interface StoreBackendOptions {
  cwd: string;
  configName: string;
  configFileMode: number;
  /** Always false: a damaged file must stop the station, never be replaced by an empty store. */
  clearInvalidConfig: false;
  projectVersion: string;
  migrations: Record<string, (store: StoreBackend) => void>;
}

/** Builds a backend, e.g. `(options) => new ElectronStore(options)` inside Electron. */
export type StoreBackendFactory = (options: StoreBackendOptions) => StoreBackend;

/** The plain-Node backend: conf. */
export const confBackend: StoreBackendFactory = (options) => new Conf<Record<string, unknown>>(options);

/** What {@link openCameraStore} needs. */
export interface CameraStoreOptions {
  dataDir: string;
  cipher: SecretCipher;
  logger?: Logger;
  backend?: StoreBackendFactory;
}

/** The cameras as stored (the desired state); reads and writes are synchronous, sealing is async. */
export interface CameraStore {
  /** The store file. */
  readonly path: string;
  /** Every camera in creation order (frozen records). */
  list(): readonly StoredCamera[];
  /** One camera, or undefined. */
  get(cameraId: string): StoredCamera | undefined;
  /** Adds a camera; throws `VIGIL_ERR_CAMERA_EXISTS` (field `camera_id`) for a taken id. */
  insert(record: StoredCamera): void;
  /** Replaces a camera in place; throws `VIGIL_ERR_CAMERA_NOT_FOUND` for an unknown id. */
  replace(record: StoredCamera): void;
  /** Removes a camera; throws `VIGIL_ERR_CAMERA_NOT_FOUND` for an unknown id. */
  remove(cameraId: string): void;
  /** A random mountpoint id no camera uses and no earlier call handed out. */
  allocateMountpointId(): number;
  /** A new mountpoint: allocated id, sealed random secret, random pin. */
  newMountpoint(): Promise<StoredMountpoint>;
  /** Seals a password for `password_sealed` (`''` → null). */
  sealPassword(password: string): Promise<string | null>;
  /** The camera's password in plain text (`''` when it has none). */
  unsealPassword(record: StoredCamera): Promise<string>;
  /** The camera's mountpoint secret in plain text. */
  unsealMountpointSecret(record: StoredCamera): Promise<string>;
}

/** A store file the station cannot trust. It stops the station; the file is left as it is and a copy made. */
export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_STORE_CORRUPT';

  constructor(
    /** The damaged file. */
    readonly path: string,
    /** What is wrong, e.g. `bad JSON at line 4 column 3: …` or `record "lobby" field mountpoint.pin …`. */
    readonly problem: string,
    /** The copy made before stopping (`<file>.corrupt-<timestamp>`), when one could be made. */
    readonly backupPath: string | undefined,
  ) {
    super(
      `${path} is damaged: ${problem}. ` +
        (backupPath === undefined ? 'No copy could be made. ' : `A copy was saved as ${backupPath}. `) +
        'The file was left as it is and the station stops rather than start without its data. ' +
        'Repair the file or restore a backup, then start again; to start empty, move the file away.',
    );
  }
}

/** A store file exists but cannot be read (permissions, a directory in its place…). */
export class StoreUnreadableError extends Error {
  override readonly name = 'StoreUnreadableError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_STORE_UNREADABLE';

  constructor(
    /** The file that cannot be read. */
    readonly path: string,
    /** The operating system's error code, e.g. `EACCES`. */
    readonly errno: string,
    options?: ErrorOptions,
  ) {
    super(
      `Cannot read ${path} (${errno}). ` +
        (errno === 'EACCES' || errno === 'EPERM'
          ? `Give the station's user read and write access: chown <station-user> '${path}' && chmod 600 '${path}'.`
          : 'It must be a regular file the station can read and write.'),
      options,
    );
  }
}

/** A store file as read before its engine opens it. */
export interface StoreFile {
  /** The exact bytes, for the backup copy. */
  bytes: Buffer;
  /** The parsed top-level object. */
  data: Record<string, unknown>;
}

/** Reads and parses a store file: undefined when absent; {@link StoreUnreadableError} or {@link StoreCorruptError}. */
export function readStoreFile(path: string): StoreFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const errno = errnoOf(error) ?? 'unknown error';
    if (errno === 'ENOENT') return undefined;
    throw new StoreUnreadableError(path, errno, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw storeCorrupt(path, bytes, describeJsonError(error));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw storeCorrupt(path, bytes, 'the top level is not a JSON object');
  }
  return { bytes, data: data as Record<string, unknown> };
}

/** Copies the damaged bytes to `<path>.corrupt-<timestamp>` (0600, never overwriting) and returns the error. */
export function storeCorrupt(path: string, bytes: Buffer, problem: string): StoreCorruptError {
  const backupPath = `${path}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
  try {
    writeFileSync(backupPath, bytes, { mode: STORE_FILE_MODE, flag: 'wx' });
    return new StoreCorruptError(path, problem, backupPath);
  } catch {
    return new StoreCorruptError(path, problem, undefined);
  }
}

/**
 * Opens `<dataDir>/cameras.json` (conf, 0600, atomic writes), migrating a schema-v0 file and validating every record.
 * @example
 * const store = await openCameraStore({ dataDir, cipher: await createKeyFileCipher(dataDir) });
 */
export async function openCameraStore(options: CameraStoreOptions): Promise<CameraStore> {
  const { dataDir, cipher, logger } = options;
  const path = join(dataDir, CAMERA_STORE_FILE);
  const file = readStoreFile(path);
  const fromV0 = file !== undefined && isSchemaV0(file) ? await convertV0(path, file, cipher) : undefined;
  const backend = openBackend(path, options.backend ?? confBackend, {
    cwd: dataDir,
    configName: 'cameras',
    configFileMode: STORE_FILE_MODE,
    clearInvalidConfig: false,
    projectVersion: CAMERA_STORE_VERSION,
    migrations: {
      // Sealing is async and conf migrations are sync, so the records were converted before conf opened the file.
      [CAMERA_STORE_VERSION]: (store) => {
        if (fromV0 === undefined) return;
        if (!isDeepStrictEqual(store.get('cameras') ?? [], fromV0.source)) {
          throw new Error(`${path} changed while it was being migrated; start again`);
        }
        store.set('cameras', fromV0.records);
      },
    },
  });
  if (fromV0 !== undefined) {
    logger?.info({ file: path, cameras: fromV0.records.length }, 'camera store migrated from schema v0');
  }
  const loaded = checkCameraRecords(backend.get('cameras') ?? []);
  // Without a migration conf leaves the file as it was, so the bytes read first are the ones to keep.
  if (typeof loaded === 'string') throw storeCorrupt(path, file?.bytes ?? readFileSync(path), loaded);
  return createCameraStore(backend, cipher, loaded.map(freeze));
}

function createCameraStore(
  backend: StoreBackend,
  cipher: SecretCipher,
  initial: StoredCamera[],
): CameraStore {
  let records: readonly StoredCamera[] = Object.freeze(initial);
  const handedOut = new Set<number>();
  const write = (next: StoredCamera[]): void => {
    backend.set('cameras', next);
    records = Object.freeze(next);
  };
  const indexOf = (cameraId: string): number => records.findIndex((r) => r.camera_id === cameraId);
  const notFound = (cameraId: string): VigilError =>
    new VigilError(ErrorCode.CameraNotFound, `No camera "${cameraId}"`, 'camera_id');
  const allocateMountpointId = (): number => {
    const id = randomMountpointId(new Set([...handedOut, ...records.map((r) => r.mountpoint.id)]));
    handedOut.add(id);
    return id;
  };
  const checked = (record: StoredCamera): StoredCamera => {
    const problem = schemaProblem(StoredCamera, record);
    if (problem !== undefined) {
      throw new VigilError(ErrorCode.Validation, `Camera record ${problem.text}`, problem.field || undefined);
    }
    const owner = records.find(
      (r) => r.mountpoint.id === record.mountpoint.id && r.camera_id !== record.camera_id,
    );
    if (owner !== undefined) {
      throw new VigilError(
        ErrorCode.Internal,
        `Mountpoint id ${record.mountpoint.id} already belongs to camera "${owner.camera_id}"`,
        'mountpoint.id',
      );
    }
    return freeze(structuredClone(record));
  };
  return {
    path: backend.path,
    list: () => records,
    get: (cameraId) => records[indexOf(cameraId)],
    insert(record) {
      const clean = checked(record);
      if (indexOf(clean.camera_id) !== -1) {
        throw new VigilError(
          ErrorCode.CameraExists,
          `Camera "${clean.camera_id}" already exists`,
          'camera_id',
        );
      }
      write([...records, clean]);
    },
    replace(record) {
      const clean = checked(record);
      const index = indexOf(clean.camera_id);
      if (index === -1) throw notFound(clean.camera_id);
      write(records.with(index, clean));
    },
    remove(cameraId) {
      if (indexOf(cameraId) === -1) throw notFound(cameraId);
      write(records.filter((r) => r.camera_id !== cameraId));
    },
    allocateMountpointId,
    newMountpoint: async () => ({
      id: allocateMountpointId(),
      secret_sealed: await cipher.encrypt(randomMountpointSecret()),
      pin: randomMountpointPin(),
      revision: 1,
    }),
    sealPassword: async (password) => (password === '' ? null : cipher.encrypt(password)),
    unsealPassword: async (record) =>
      record.password_sealed === null ? '' : cipher.decrypt(record.password_sealed),
    unsealMountpointSecret: (record) => cipher.decrypt(record.mountpoint.secret_sealed),
  };
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

/** A file conf has no version for (the seed's), or one recorded as `0.0.0`. */
function isSchemaV0(file: StoreFile): boolean {
  const internal = file.data.__internal__ as { migrations?: { version?: unknown } } | undefined;
  const version = internal?.migrations?.version;
  return version === undefined || version === '0.0.0';
}

async function convertV0(
  path: string,
  file: StoreFile,
  cipher: SecretCipher,
): Promise<{ source: unknown; records: StoredCamera[] }> {
  const source = file.data.cameras ?? [];
  const records = await convertCamerasV0(source, (plain) => cipher.encrypt(plain));
  if (typeof records === 'string') throw storeCorrupt(path, file.bytes, records);
  return { source, records };
}

function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const located = /^(.*) in JSON at position (\d+)(?: \((line \d+ column \d+)\))?/.exec(message);
  if (located !== null)
    return `bad JSON at ${located[3] ?? `byte ${located[2] ?? '?'}`}: ${located[1] ?? ''}`;
  if (message.startsWith('Unexpected end'))
    return 'bad JSON: the file ends too early (empty, or cut off mid-write)';
  // Here V8 quotes the offending character and the text around it, which may be secret, so neither is repeated.
  return 'bad JSON: an unexpected character where a value should start';
}

function freeze(record: StoredCamera): StoredCamera {
  Object.freeze(record.mountpoint);
  Object.freeze(record.tags);
  return Object.freeze(record);
}

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`…), if it has one. */
export function errnoOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
