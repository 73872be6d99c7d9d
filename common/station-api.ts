import type { StationEvent } from './events';
import type { IpcOperationName, OperationMethods } from './operations';
import type { StationOperationName } from './operations/names';

/**
 * Everything the renderer (wall, camera management) asks of the station: one method per station operation
 * with an IPC channel (common/operations), plus its events. Browser mode implements it over HTTP + SSE
 * (renderer/station-api/http.ts); the desktop app over IPC (preload). Methods reject with `VigilError`.
 */
export type StationApi = OperationMethods<IpcOperationName<StationOperationName>> & {
  /** Station events (cameras, health, gateway); returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void;
};

/** The renderer's older name for the one client error class, VigilError (common/errors). */
export { VigilError as StationApiError } from './errors';
