// The stores the station core opens, all on the engine its host chose: conf for `vigil serve`, electron-store in
// the desktop app.
import type { Logger } from 'pino';

import { openApiKeyStore, type ApiKeyStore } from './api-keys';
import { openCameraStore, type CameraStore } from './camera-store';
import { removeLeftoverTempFiles } from './leftover-temp-files';
import type { SecretCipher } from './secret-cipher';
import type { StoreBackendFactory } from './store-backend';
import { openViewStore, type ViewStore } from './view-store';

/** What the station's stores are opened with. */
export interface StationStoreOptions {
  dataDir: string;
  logger: Logger;
  /** Seals camera passwords: the key file under Node, safeStorage in Electron. */
  cipher: SecretCipher;
  /** The store engine (default conf; electron-store inside Electron). */
  storeBackend?: StoreBackendFactory | undefined;
}

/** The station's stores. */
export interface StationStores {
  cameras: CameraStore;
  views: ViewStore;
  keys: ApiKeyStore;
}

/**
 * Opens cameras.json, views.json and api-keys.json in the data folder on the host's engine, after removing the
 * temp files interrupted writes left there.
 * @example
 * const { cameras, views, keys } = await openStationStores({ dataDir, logger, cipher });
 */
export async function openStationStores(options: StationStoreOptions): Promise<StationStores> {
  const { dataDir, storeBackend: backend } = options;
  await removeLeftoverTempFiles(dataDir, options.logger.child({ name: 'store' }));
  return {
    cameras: await openCameraStore({
      dataDir,
      backend,
      cipher: options.cipher,
      logger: options.logger.child({ name: 'store/cameras' }),
    }),
    views: openViewStore({ dataDir, backend }),
    keys: openApiKeyStore(dataDir, backend, {
      onLastUseWriteFailed: (error) => {
        options.logger.warn(
          { err: error, name: 'store/api-keys' },
          "the API keys' last use could not be saved; the keys keep working",
        );
      },
    }),
  };
}
