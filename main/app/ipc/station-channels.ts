// The StationApi over IPC, main side: every station operation on the same services the REST API uses (one
// loop over the operation table, main/ipc/station-handlers.ts), and station events pushed to every app page.
import type { WebContents } from 'electron';

import { IPC_STATION_EVENT } from '../../../common/ipc-channels';
import type { Door } from '../../door/door';
import { handleStationOperations } from '../../ipc/station-handlers';
import type { RecordingService } from '../../recording/service';
import type { StationService } from '../../station/service';
import type { ViewService } from '../../station/views';
import type { IpcRegistry } from './handle';

/** Registers every StationApi channel on the registry. */
export function registerStationChannels(
  ipc: IpcRegistry,
  station: StationService,
  views: ViewService,
  door: Pick<Door, 'streamInfo'>,
  recordings: RecordingService,
): void {
  handleStationOperations(ipc, { station, views, door, recordings });
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
