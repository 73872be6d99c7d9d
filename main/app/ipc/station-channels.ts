// The StationApi over IPC, main side: every station operation on the same services the REST API uses (one
// loop over the operation table, main/ipc/station-handlers.ts), and station events pushed to every app page.
import type { WebContents } from 'electron';

import { IPC_STATION_EVENT } from '../../../common/ipc-channels';
import type { StationEvent } from '../../../common/events';
import type { AlarmService } from '../../alarms/service';
import type { Door } from '../../door/door';
import { handleStationOperations } from '../../ipc/station-handlers';
import type { RecordingService } from '../../recording/service';
import type { StationService } from '../../station/service';
import type { ViewService } from '../../station/views';
import type { WallService } from '../../walls/service';
import type { IpcRegistry } from './handle';

/** Registers every StationApi channel on the registry. */
export function registerStationChannels(
  ipc: IpcRegistry,
  services: {
    station: StationService;
    views: ViewService;
    alarms: AlarmService;
    walls: WallService;
    recordings: RecordingService;
    door: Pick<Door, 'streamInfo'>;
  },
): void {
  handleStationOperations(ipc, services);
}

/** A page events are sent to. */
type EventPage = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Sends every station event to the app's pages (`wall.show` only to the pages `reaches` says hold that wall);
 * returns the unsubscribe function.
 */
export function forwardStationEvents(
  station: Pick<StationService, 'onEvent'>,
  pages: () => readonly EventPage[],
  reaches: (page: EventPage, event: StationEvent) => boolean = (_page, event) => event.type !== 'wall.show',
): () => void {
  return station.onEvent((event) => {
    for (const page of pages()) {
      if (!page.isDestroyed() && reaches(page, event)) page.send(IPC_STATION_EVENT, event);
    }
  });
}
