// Cluster mode at startup: connect to NATS (servers, credentials, TLS as the flags say), open the cluster key, check
// it against the cluster's, and open the shared stores. Failures become messages that name the flag to fix.
import { readFile } from 'node:fs/promises';

import type { Logger } from 'pino';

import type { View } from '../../common/views';

import { openClusterAlarms, type ClusterAlarms } from '../cluster/cluster-alarms';
import { startClusterGateway, type ClusterGateway } from '../cluster/cluster-gateway';
import { openClusterStores, type ClusterStores } from '../cluster/cluster-stores';
import type { GatewayCapacity } from '../cluster/gateway-record';
import type { GatewayEndpoints } from '../gateway/gateway';
import type { Registry } from 'prom-client';
import type { StoredCamera } from '../store/stored-camera';
import { remoteEvent } from '../station/event-origin';
import { createClusterKeyCipher } from '../cluster/cluster-key';
import { ClusterConnection, type ClusterConnectOptions } from '../cluster/connection';
import type { StationEventBus } from '../station/event-bus';
import type { Station } from '../station/station';
import { KeyFileError } from '../store/secret-cipher';
import { StartupError } from './errors';
import type { Teardown } from './teardown';

/** How to reach the cluster and which key it shares (the `--cluster…` flags). */
export interface ClusterSetup {
  servers: string[];
  keyFile: string;
  credsFile?: string | undefined;
  user?: string | undefined;
  passwordFile?: string | undefined;
  tls?: ClusterConnectOptions['tls'];
  /** This station's gateway in the registry: its id (default the station's id) and capacity. */
  gateway?: { id?: string | undefined; capacity?: Partial<GatewayCapacity> | undefined } | undefined;
}

/** What the station core hands cluster mode's gateway side once its event bus and metrics exist. */
export interface ClusterGatewayInput {
  endpoints: GatewayEndpoints;
  events: StationEventBus;
  metrics: Registry;
  cameras: { list(): readonly StoredCamera[] };
}

/** The open connection, the shared stores and alarms on it, and how to start this station's gateway side. */
export interface StartedCluster {
  connection: ClusterConnection;
  stores: ClusterStores;
  alarms: ClusterAlarms;
  /** Registers this station's gateway and starts placement (stopped on teardown, after the station). */
  startGateway(input: ClusterGatewayInput, teardown: Teardown): Promise<ClusterGateway>;
}

/**
 * Connects to the cluster and opens its stores; closing both is registered on `teardown`.
 * @example
 * const cluster = await setupCluster({ servers: ['nats://127.0.0.1:4222'], keyFile }, { dataDir, name, logger }, teardown);
 */
export async function setupCluster(
  setup: ClusterSetup,
  station: { dataDir: string; name: string; logger: Logger },
  teardown: Teardown,
): Promise<StartedCluster> {
  const logger = station.logger.child({ name: 'cluster' });
  const cipher = await createClusterKeyCipher(setup.keyFile);
  const connection = await connectCluster(setup, station.name, logger);
  teardown.add('cluster connection', () => connection.close());
  try {
    const stores = await openClusterStores({
      connection,
      cipher,
      keyPath: setup.keyFile,
      dataDir: station.dataDir,
      logger,
    });
    teardown.add('cluster stores', () => {
      stores.stop();
      return Promise.resolve();
    });
    const alarms = await openClusterAlarms({ connection, stationId: station.name, logger });
    const startGateway = async (input: ClusterGatewayInput, later: Teardown): Promise<ClusterGateway> => {
      const gateway = await startClusterGateway({
        ...input,
        connection,
        cipher,
        stationId: station.name,
        gatewayId: setup.gateway?.id ?? station.name,
        capacity: setup.gateway?.capacity,
        logger,
      });
      later.add('cluster gateway', () => gateway.stop());
      return gateway;
    };
    return { connection, stores, alarms, startGateway };
  } catch (error) {
    if (error instanceof KeyFileError) throw error;
    throw new StartupError(
      `NATS at ${setup.servers.join(',')} (--cluster) refused the cluster's JetStream buckets: ${messageOf(error)}. ` +
        'Start nats-server with JetStream on (nats-server -js -sd DIR) and check the user may use JetStream.',
      'unusable-setting',
      { cause: error },
    );
  }
}

/** The first connect to NATS; failing it names the flags to check. */
async function connectCluster(setup: ClusterSetup, name: string, logger: Logger): Promise<ClusterConnection> {
  const password = setup.passwordFile === undefined ? undefined : await readSecret(setup.passwordFile);
  try {
    return await ClusterConnection.connect(
      {
        servers: setup.servers,
        name,
        credsFile: setup.credsFile,
        user: setup.user,
        password,
        tls: setup.tls,
      },
      logger,
    );
  } catch (error) {
    throw new StartupError(
      `cannot connect to NATS at ${setup.servers.join(',')} (--cluster): ${messageOf(error)}. Check that ` +
        'nats-server runs there, and the credentials (--cluster-creds, --cluster-user) and TLS (--cluster-tls-*) flags.',
      'unusable-setting',
      { cause: error },
    );
  }
}

async function readSecret(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    throw new StartupError(
      `cannot read --cluster-password-file ${path} (${messageOf(error)})`,
      'unusable-setting',
      {
        cause: error,
      },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Cameras and views other stations change are announced on this station's events too, and cameras are reconciled.
 * A view another wall merely showed (only `last_shown_at` moved) is not announced: nothing on a wall changes.
 */
export function followOtherStations(
  stores: ClusterStores,
  station: Station,
  events: StationEventBus,
  logger: Logger,
): void {
  stores.cameras.onChange(({ id, kind, previous }) => {
    station.cameraChangedElsewhere({ cameraId: id, kind, previous }).catch((error: unknown) => {
      logger.warn({ err: error, camera: id }, 'a camera changed on another station could not be followed');
    });
  });
  stores.views.onChange(({ id, kind, value, previous }) => {
    if (kind === 'updated' && onlyShown(value, previous)) return;
    events.publish(remoteEvent({ type: `view.${kind}`, view_id: id, at: new Date().toISOString() }));
  });
}

/** True when two versions of a view differ in `last_shown_at` at most. */
function onlyShown(value: View | undefined, previous: View | undefined): boolean {
  if (value === undefined || previous === undefined) return false;
  const { last_shown_at: _now, ...rest } = value;
  const { last_shown_at: _before, ...restBefore } = previous;
  return JSON.stringify(rest) === JSON.stringify(restBefore);
}
