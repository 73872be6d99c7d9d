// The cameras as stored (the desired state), in cameras.json: one record per camera with its sealed secrets and
// its Janus mountpoint. The file's handling is the document primitive's; here are the camera rules: unique ids and
// mountpoints, frozen records, sealing, and the migration from the seed's schema v0.
import type { Logger } from 'pino';
import { Type } from 'typebox';

import { ErrorCode, VigilError } from '../../common/errors';
import { openMigratedDocument, type DocumentOptions, type JsonDocument } from './document-store';
import { assertRecord } from './record-checks';
import { createRecordList, type RecordList, type RecordListRules } from './record-list';
import type { SecretCipher } from './secret-cipher';
import {
  StoredCamera,
  checkCameraRecords,
  convertCamerasV0,
  randomMountpointId,
  randomMountpointPin,
  randomMountpointSecret,
  type StoredMountpoint,
} from './stored-camera';

/** The camera store's schema version; the engine records it as `__internal__.migrations.version`. */
export const CAMERA_STORE_VERSION = '1.0.0';
/** The camera store's file inside the data directory. */
export const CAMERA_STORE_FILE = 'cameras.json';

/** cameras.json as a whole. */
const CamerasDocument = Type.Object({ cameras: Type.Array(StoredCamera) });

/** cameras.json's content. */
type CamerasDocument = { cameras: StoredCamera[] };

/** What {@link openCameraStore} needs. */
export interface CameraStoreOptions extends DocumentOptions {
  cipher: SecretCipher;
  logger?: Logger | undefined;
}

/**
 * The cameras as stored (the desired state); reads and writes are synchronous, sealing is async. `insert` refuses a
 * taken id with `VIGIL_ERR_CAMERA_EXISTS` (field `camera_id`), `replace` and `remove` an unknown one with
 * `VIGIL_ERR_CAMERA_NOT_FOUND`.
 */
export interface CameraStore extends RecordList<StoredCamera> {
  /** The store file. */
  readonly path: string;
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

/**
 * Opens `<dataDir>/cameras.json` (0600, atomic writes), migrating a schema-v0 file and validating every record.
 * @example
 * const store = await openCameraStore({ dataDir, cipher: await createKeyFileCipher(dataDir) });
 */
export async function openCameraStore(options: CameraStoreOptions): Promise<CameraStore> {
  const { cipher, logger } = options;
  const document = await openMigratedDocument<CamerasDocument>(
    {
      name: 'cameras',
      schema: CamerasDocument,
      version: CAMERA_STORE_VERSION,
      check: (content) => {
        const cameras = checkCameraRecords(content.cameras ?? []);
        return typeof cameras === 'string' ? cameras : { cameras };
      },
      migrations: {
        [CAMERA_STORE_VERSION]: async (v0) => {
          const cameras = await convertCamerasV0(v0.cameras ?? [], (plain) => cipher.encrypt(plain));
          return typeof cameras === 'string' ? cameras : { ...v0, cameras };
        },
      },
    },
    options,
  );
  if (document.migrated) {
    const cameras = document.read().cameras.length;
    logger?.info({ file: document.path, cameras }, 'camera store migrated from schema v0');
  }
  return createCameraStore(document, cipher);
}

function createCameraStore(document: JsonDocument<CamerasDocument>, cipher: SecretCipher): CameraStore {
  return cameraStoreOn(createRecordList(document, 'cameras', CAMERA_RECORD_RULES), cipher, document.path);
}

/** What a camera record list checks: unique ids and mountpoints, the stored schema, frozen records. */
export const CAMERA_RECORD_RULES: RecordListRules<StoredCamera> = {
  idOf: (record) => record.camera_id,
  check(record, others) {
    assertRecord(StoredCamera, record, 'Camera record');
    const owner = others.find(
      (r) => r.mountpoint.id === record.mountpoint.id && r.camera_id !== record.camera_id,
    );
    if (owner !== undefined) {
      throw new VigilError(
        ErrorCode.Internal,
        `Mountpoint id ${record.mountpoint.id} already belongs to camera "${owner.camera_id}"`,
        'mountpoint.id',
      );
    }
  },
  freeze(record) {
    Object.freeze(record.mountpoint);
    Object.freeze(record.tags);
    return Object.freeze(record);
  },
  exists: (cameraId) =>
    new VigilError(ErrorCode.CameraExists, `Camera "${cameraId}" already exists`, 'camera_id'),
  notFound: (cameraId) => new VigilError(ErrorCode.CameraNotFound, `No camera "${cameraId}"`, 'camera_id'),
};

/**
 * The camera store on a record list (cameras.json's, or cluster mode's KV bucket): mountpoint ids unique in the
 * list, secrets sealed with `cipher`.
 */
export function cameraStoreOn<L extends RecordList<StoredCamera>>(
  records: L,
  cipher: SecretCipher,
  path: string,
): CameraStore & Omit<L, keyof CameraStore> {
  const handedOut = new Set<number>();
  const allocateMountpointId = (): number => {
    const id = randomMountpointId(new Set([...handedOut, ...records.list().map((r) => r.mountpoint.id)]));
    handedOut.add(id);
    return id;
  };
  return {
    ...records,
    path,
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
