// Cluster mode's stores: cameras, views, API keys and browser sessions in JetStream KV buckets shared by every
// station, in place of the data folder's files. Opening them checks the cluster key against the cluster's canary,
// then reads every bucket into memory; the watches keep them current and report other stations' changes.
import type { KvOptions } from '@nats-io/kv';
import type { Logger } from 'pino';

import type { View } from '../../common/views';
import type { ApiKeyStore } from '../store/api-keys';
import { cameraStoreOn, CAMERA_RECORD_RULES, type CameraStore } from '../store/camera-store';
import type { SecretCipher } from '../store/secret-cipher';
import type { StoredCamera } from '../store/stored-camera';
import { VIEW_RECORD_RULES, type ViewStore } from '../store/view-store';
import { checkClusterKey, META_BUCKET } from './cluster-key';
import type { ClusterConnection } from './connection';
import { openKvApiKeyStore } from './kv-api-keys';
import { openKvRecordList, type KvRecordList } from './kv-record-list';
import { openKvSessionRecords, type KvSessionRecords } from './kv-sessions';

/** The buckets cluster mode keeps its state in. */
export const CLUSTER_BUCKETS = {
  cameras: 'vigil_cameras',
  views: 'vigil_views',
  keys: 'vigil_keys',
  sessions: 'vigil_sessions',
} as const;

/** Every bucket: a few revisions of history (enough to follow a change), on disk. */
const BUCKET_OPTIONS: Partial<KvOptions> = { history: 5, storage: 'file' };

/** What the cluster stores are opened with. */
export interface ClusterStoreOptions {
  connection: ClusterConnection;
  /** The cluster key's cipher, and its file (named when the key is wrong). */
  cipher: SecretCipher;
  keyPath: string;
  /** This station's data folder (manage.key is written there). */
  dataDir: string;
  logger: Logger;
}

/** The shared stores, with what other stations change, and how to stop watching. */
export interface ClusterStores {
  cameras: CameraStore & Pick<KvRecordList<StoredCamera>, 'onChange'>;
  views: ViewStore & Pick<KvRecordList<View>, 'onChange'>;
  keys: ApiKeyStore;
  sessions: KvSessionRecords;
  /** Stops every watch (the connection stays open). */
  stop(): void;
}

/**
 * Checks the cluster key, then opens the four buckets (creating missing ones) and reads them.
 * @example
 * const stores = await openClusterStores({ connection, cipher, keyPath, dataDir, logger });
 * stores.cameras.onChange((change) => console.log(change.id, change.kind));
 */
export async function openClusterStores(options: ClusterStoreOptions): Promise<ClusterStores> {
  const { connection, logger } = options;
  const bucket = (name: string) => connection.bucket(name, BUCKET_OPTIONS);
  await checkClusterKey(await bucket(META_BUCKET), options.cipher, options.keyPath);
  const log = (name: string): Logger => logger.child({ name: `cluster/${name}` });
  const cameraList = await openKvRecordList(
    await bucket(CLUSTER_BUCKETS.cameras),
    connection,
    CAMERA_RECORD_RULES,
    log('cameras'),
  );
  const viewList = await openKvRecordList(
    await bucket(CLUSTER_BUCKETS.views),
    connection,
    VIEW_RECORD_RULES,
    log('views'),
  );
  const keys = await openKvApiKeyStore(await bucket(CLUSTER_BUCKETS.keys), connection, {
    dataDir: options.dataDir,
    logger: log('keys'),
    path: `nats:${CLUSTER_BUCKETS.keys}`,
  });
  const sessions = await openKvSessionRecords(
    await bucket(CLUSTER_BUCKETS.sessions),
    connection,
    log('sessions'),
    CLUSTER_BUCKETS.sessions,
  );
  return {
    cameras: cameraStoreOn(cameraList, options.cipher, `nats:${CLUSTER_BUCKETS.cameras}`),
    views: { ...viewList, path: `nats:${CLUSTER_BUCKETS.views}` },
    keys,
    sessions,
    stop() {
      for (const part of [cameraList, viewList, keys, sessions]) part.stop();
    },
  };
}
