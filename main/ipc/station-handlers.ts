// Main's IPC handlers for the station's operations: one loop over the table onto the services that serve them
// (the same serveOperation the REST routes call), plus health and stream info, which depend on the caller.
import { OPERATION_LIST } from '../../common/operations';
import { healthReport } from '../api/health';
import { isServed, serveOperation, type OperationServices } from '../api/operations';
import { DESK } from '../door/credential';
import type { Door } from '../door/door';
import type { IpcChannel } from './channels';
import type { IpcHandlers } from './dispatch';

/** Who acts over IPC: the desktop app's operator (named by the body's `operator`, when it has one). */
const DESK_ACTOR = { kind: 'desk', name: 'desk' } as const;

/**
 * Handles every operation that has an IPC channel and a handler in the table, plus health and stream info.
 * A service left out (a station that does not record) answers that its operations need it.
 */
export function handleStationOperations(
  ipc: IpcHandlers,
  services: Pick<OperationServices, 'station' | 'views'> &
    Partial<OperationServices> & { door: Pick<Door, 'streamInfo'> },
): void {
  for (const { name, channel, args: schemas } of OPERATION_LIST) {
    if (channel === undefined || !isServed(name)) continue;
    ipc.handle(channel as IpcChannel, (...args: unknown[]) =>
      // The caller (last) is not the operation's: only the table's arguments reach the service, and the desk
      // acts as itself (alarms record the operator's name the body carries).
      serveOperation(services, name, args.slice(0, schemas.length), DESK_ACTOR),
    );
  }
  // The desk operator is trusted with per-camera detail (REST gives it to callers with a key).
  ipc.handle('station:health', () => healthReport(services.station, services.recordings, true));
  // The desk's pages play through the Janus door with tickets bound to the desk.
  ipc.handle('cameras:stream', (cameraId) => services.door.streamInfo(cameraId, DESK));
}
