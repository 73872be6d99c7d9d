// IPC names and envelopes without the schemas, so the preload bundle stays small (common/ipc.ts has the schemas).

/** The channel main pushes station events on (main → renderer only). */
export const IPC_STATION_EVENT = 'station:event';

/**
 * What an invoke resolves to: Electron keeps only an Error's message across IPC, so handlers never throw;
 * failures travel as `{ ok: false, error: { code, message, field? } }`.
 */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };
