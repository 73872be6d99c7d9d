// `vigil cluster init|import|export`: the cluster key, and moving a single station's cameras, views and API keys
// into the cluster and back. Secrets are re-sealed on the way (station key ↔ cluster key); ids the target already
// has are reported and skipped, never overwritten.
import { join } from 'node:path';

import { initClusterKey } from '../cluster/cluster-key';
import pino from 'pino';

import { createRootLogger } from '../base/log';
import { setupCluster } from '../runtime/cluster';
import { Teardown } from '../runtime/teardown';
import type { ApiKeyStore } from '../store/api-keys';
import type { CameraStore } from '../store/camera-store';
import { createKeyFileCipher } from '../store/secret-cipher';
import { openStationStores, type StationStores } from '../store/station-stores';
import type { StoredCamera } from '../store/stored-camera';
import { CliError } from './cli-error';
import type { ClusterArgs } from './cluster-args';
import { ensureDataDir } from './data-dir';
import type { Output } from './output';

/** The file `vigil cluster init` writes when no --key-file is given. */
const DEFAULT_CLUSTER_KEY_FILE = 'cluster.key';

/** `vigil cluster init`: writes a new cluster key (0600), never over an existing file. */
export async function initCluster(keyFile: string | undefined, dataDir: string, out: Output): Promise<void> {
  if (keyFile === undefined) await ensureDataDir(dataDir);
  const path = keyFile ?? join(dataDir, DEFAULT_CLUSTER_KEY_FILE);
  await initClusterKey(path);
  out.stdout(
    [
      `Wrote a new cluster key to ${path} (mode 0600).`,
      '',
      'Give every station of the cluster a copy and start each with:',
      `  vigil serve --cluster nats://HOST:4222 --cluster-key ${path}`,
      'Keep a backup: camera passwords stored in the cluster cannot be opened without it.',
      '',
    ].join('\n'),
  );
}

/** What one store's transfer did. */
interface Moved {
  copied: string[];
  skipped: string[];
}

/** `vigil cluster import`: the station in `dataDir` → the cluster. */
export async function importIntoCluster(dataDir: string, cluster: ClusterArgs, out: Output): Promise<void> {
  await withBothSides(dataDir, cluster, async (station, shared) => {
    const summary = await transfer(station, shared);
    out.stdout(formatSummary(`Imported ${dataDir} into the cluster`, summary));
  });
}

/** `vigil cluster export`: the cluster → the data folder `dataDir` (which must hold no cameras, views or keys). */
export async function exportFromCluster(dataDir: string, cluster: ClusterArgs, out: Output): Promise<void> {
  await withBothSides(dataDir, cluster, async (station, shared) => {
    const held = station.cameras.list().length + station.views.list().length + station.keys.list().length;
    if (held > 0) {
      throw new CliError(
        `${dataDir} already holds cameras, views or API keys: export writes only into an empty data folder. ` +
          'Choose a new folder with --data-dir.',
      );
    }
    const summary = await transfer(shared, station);
    out.stdout(formatSummary(`Exported the cluster into ${dataDir}`, summary));
  });
}

/** Opens the station's stores in `dataDir` and the cluster's, runs `task`, closes both. */
async function withBothSides(
  dataDir: string,
  cluster: ClusterArgs,
  task: (station: StationStores, shared: StationStores) => Promise<void>,
): Promise<void> {
  await ensureDataDir(dataDir);
  // Only errors, on stderr: stdout carries the summary.
  const logger = createRootLogger({ level: 'error' }, pino.destination(2));
  const teardown = new Teardown(logger);
  try {
    const station = await openStationStores({ dataDir, logger, cipher: await createKeyFileCipher(dataDir) });
    const { stores } = await setupCluster(cluster, { dataDir, name: 'vigil-cluster-cli', logger }, teardown);
    await task(station, stores);
  } finally {
    await teardown.run();
  }
}

/** Copies cameras, views and API keys from one side to the other. */
async function transfer(
  from: StationStores,
  to: StationStores,
): Promise<{ cameras: Moved; views: Moved; keys: Moved }> {
  return {
    cameras: await copyAll(
      from.cameras.list(),
      (c) => c.camera_id,
      to.cameras,
      (c) => copyCamera(c, from.cameras, to.cameras),
    ),
    views: await copyAll(
      from.views.list(),
      (v) => v.view_id,
      to.views,
      (v) => to.views.insert(v),
    ),
    keys: await copyAll(
      from.keys.stored(),
      (k) => k.id,
      keyIds(to.keys),
      (k) => to.keys.adopt(k),
    ),
  };
}

/** Copies each record whose id `target` does not hold; the others are skipped. */
async function copyAll<T>(
  records: readonly T[],
  idOf: (record: T) => string,
  target: { get(id: string): unknown },
  copy: (record: T) => Promise<void>,
): Promise<Moved> {
  const moved: Moved = { copied: [], skipped: [] };
  for (const record of records) {
    const id = idOf(record);
    if (target.get(id) !== undefined) {
      moved.skipped.push(id);
      continue;
    }
    await copy(record);
    moved.copied.push(id);
  }
  return moved;
}

/** A camera re-sealed for the target: its password and mountpoint secret opened and sealed again. */
async function copyCamera(camera: StoredCamera, from: CameraStore, to: CameraStore): Promise<void> {
  const taken = to.list().some((c) => c.mountpoint.id === camera.mountpoint.id);
  const secret = await from.unsealMountpointSecret(camera);
  // A mountpoint secret is never empty, so sealPassword (null only for '') always seals it.
  const sealedSecret = (await to.sealPassword(secret)) ?? camera.mountpoint.secret_sealed;
  await to.insert({
    ...camera,
    password_sealed: await to.sealPassword(await from.unsealPassword(camera)),
    mountpoint: {
      ...camera.mountpoint,
      id: taken ? to.allocateMountpointId() : camera.mountpoint.id,
      secret_sealed: sealedSecret,
    },
  });
}

function keyIds(keys: ApiKeyStore): { get(id: string): unknown } {
  return { get: (id) => keys.stored().find((k) => k.id === id) };
}

function formatSummary(title: string, summary: Record<string, Moved>): string {
  const lines = [`${title}:`];
  for (const [what, moved] of Object.entries(summary)) {
    lines.push(
      `  ${what}: ${moved.copied.length} copied, ${moved.skipped.length} skipped (id already there)`,
    );
    if (moved.skipped.length > 0) lines.push(`    skipped: ${moved.skipped.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
