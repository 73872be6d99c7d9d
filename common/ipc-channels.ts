// IPC names and envelopes without the schemas, so the preload bundle stays small (the operation table's
// channels are in common/operations/names.ts, their schemas beside it).
import type { ErrorBody } from './answers';

/** The channel main pushes station events on (main → renderer only). */
export const IPC_STATION_EVENT = 'station:event';

/** The channel main asks a kiosk window to show its PIN prompt on (after the unlock chord). */
export const IPC_KIOSK_UNLOCK_PROMPT = 'desktop:kiosk-unlock-prompt';

/** The channel main tells every page on that kiosk turned on (true) or off (false). */
export const IPC_KIOSK_STATE = 'desktop:kiosk-state';

/**
 * What an invoke resolves to: Electron keeps only an Error's message across IPC, so handlers never throw;
 * failures travel as `{ ok: false, error: { code, message, field? } }` — the REST error body plus `ok`.
 */
export type IpcResult<T> = { ok: true; value: T } | ({ ok: false } & ErrorBody);
