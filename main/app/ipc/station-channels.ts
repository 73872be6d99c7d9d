// The StationApi over IPC, main side: one handler per channel onto the same station and view services the
// REST API uses, and station events pushed to every page of the app.
import type { WebContents } from 'electron';

import { IPC_STATION_EVENT } from '../../../common/ipc-channels';
import type { StationService } from '../../station/service';
import type { ViewService } from '../../station/views';
import type { IpcRegistry } from './handle';

/** Registers every StationApi channel on the registry. */
export function registerStationChannels(ipc: IpcRegistry, station: StationService, views: ViewService): void {
  ipc.handle('cameras:list', () => station.listCameras());
  ipc.handle('cameras:add', (input) => station.addCamera(input));
  ipc.handle('cameras:update', (cameraId, patch) => station.updateCamera(cameraId, patch));
  ipc.handle('cameras:remove', (cameraId) => station.removeCamera(cameraId));
  ipc.handle('cameras:restart', (cameraId) => station.restartCamera(cameraId));
  ipc.handle('cameras:probe', (request) => station.probe(request));
  ipc.handle('cameras:stream', (cameraId) => station.streamInfo(cameraId));
  ipc.handle('station:health', () => station.health(true));
  ipc.handle('views:list', () => views.list());
  ipc.handle('views:create', (input) => views.create(input));
  ipc.handle('views:update', (viewId, patch) => views.update(viewId, patch));
  ipc.handle('views:delete', (viewId) => {
    views.delete(viewId);
  });
}

/** Sends every station event to the app's pages; returns the unsubscribe function. */
export function forwardStationEvents(
  station: Pick<StationService, 'onEvent'>,
  pages: () => readonly Pick<WebContents, 'send' | 'isDestroyed'>[],
): () => void {
  return station.onEvent((event) => {
    for (const page of pages()) if (!page.isDestroyed()) page.send(IPC_STATION_EVENT, event);
  });
}
