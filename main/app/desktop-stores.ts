// Inside Electron every JSON document runs on electron-store (conf with Electron's defaults), in the userData
// folder: the desktop settings here, and cameras, views and API keys in the station core. The files are the ones
// conf writes under `vigil serve`, byte for byte, so a data folder moves between the two hosts as it is.
import ElectronStore from 'electron-store';

import { openDesktopSettings, type DesktopSettingsStore } from '../store/desktop-settings';
import type { StoreBackendFactory } from '../store/store-backend';

/** electron-store as the store engine; it takes conf's options but names the file `name`. */
export const electronStoreBackend: StoreBackendFactory = ({ configName, ...options }) =>
  new ElectronStore<Record<string, unknown>>({ ...options, name: configName });

/** The desktop app's stores in `dataDir` (Electron's userData): its settings, open, and the station core's engine. */
export function openDesktopStores(dataDir: string): {
  settings: DesktopSettingsStore;
  storeBackend: StoreBackendFactory;
} {
  return {
    settings: openDesktopSettings({ dataDir, backend: electronStoreBackend }),
    storeBackend: electronStoreBackend,
  };
}
