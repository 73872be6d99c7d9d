import type { CameraState } from '../../common/camera';

/** When a camera counts as stale or offline, and how long a new mountpoint may take to show video. */
export interface HealthThresholds {
  staleAfterMs: number;
  offlineAfterMs: number;
  startGraceMs: number;
}

/** Defaults: a 25 fps camera that sent nothing for 2 s is stale; for 10 s, offline. */
export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  staleAfterMs: 2_000,
  offlineAfterMs: 10_000,
  startGraceMs: 15_000,
};

/** A camera's health between two samples. */
export interface HealthRecord {
  state: CameraState;
  /** When the current state began (ms since epoch). */
  since: number;
  reason?: string | undefined;
  ageMs?: number | undefined;
  /** How many times the camera came back to live after being stale or offline. */
  reconnects: number;
  viewers: number;
  /** When the current mountpoint was created (ms since epoch). */
  startedAt: number;
  /** Whether the current mountpoint has ever been live. */
  wasLive: boolean;
  /** When the last packet arrived, as far as Janus said (ms since epoch). */
  lastMediaAt?: number | undefined;
}

/** What happens to a camera, as its health machine hears it: a look at Janus, or the reconciler's outcome. */
export type HealthEvent =
  | { kind: 'media'; at: number; ageMs: number | undefined; viewers: number }
  | { kind: 'disabled'; at: number }
  | { kind: 'error'; at: number; reason: string }
  | { kind: 'started'; at: number };

/** What the monitor does after a step: announce that the camera's state changed (event `camera.state`). */
export type HealthEffect = {
  kind: 'announce';
  state: CameraState;
  previous: CameraState;
  reason?: string;
  at: number;
};

/** One step of the machine: the camera's next health and the effects to run. */
export interface HealthStep {
  state: HealthRecord;
  effects: HealthEffect[];
}

/**
 * A camera another gateway should hold but whose health no station has published yet: starting while it has a
 * gateway, offline (with the reason) while no live gateway may hold it.
 */
export function unplacedHealth(gatewayId: string | null, at: number): HealthRecord {
  if (gatewayId !== null) return initialHealth(at);
  return { ...initialHealth(at), state: 'offline', reason: 'no live gateway may hold this camera' };
}

/** The health of a camera whose mountpoint was just created. */
export function initialHealth(at: number): HealthRecord {
  return { state: 'starting', since: at, reconnects: 0, viewers: 0, startedAt: at, wasLive: false };
}

function stateFor(
  record: HealthRecord,
  ageMs: number | undefined,
  at: number,
  t: HealthThresholds,
): { state: CameraState; reason?: string } {
  if (ageMs !== undefined && ageMs < t.staleAfterMs) return { state: 'live' };
  if (!record.wasLive) {
    return at - record.startedAt < t.startGraceMs
      ? { state: 'starting' }
      : { state: 'offline', reason: 'No video has arrived from the camera' };
  }
  // Janus omits age_ms while it has no socket open to the camera (reconnecting): the gap runs on.
  const gapMs = ageMs ?? at - (record.lastMediaAt ?? record.since);
  const reason = `No video for ${Math.round(gapMs / 1000)} s`;
  return gapMs < t.offlineAfterMs ? { state: 'stale', reason } : { state: 'offline', reason };
}

/** Folds one event into a camera's health; `since` moves only when the state changes. */
function fold(record: HealthRecord, event: HealthEvent, thresholds: HealthThresholds): HealthRecord {
  const change = (state: CameraState, reason: string | undefined, patch: Partial<HealthRecord> = {}) => ({
    ...record,
    ...patch,
    state,
    reason,
    since: state === record.state ? record.since : event.at,
  });
  switch (event.kind) {
    case 'started':
      return { ...initialHealth(event.at), reconnects: record.reconnects };
    case 'disabled':
      return change('disabled', 'The camera is disabled', { ageMs: undefined });
    case 'error':
      return change('error', event.reason);
    case 'media': {
      const next = stateFor(record, event.ageMs, event.at, thresholds);
      const cameBack = next.state === 'live' && record.wasLive && record.state !== 'live';
      return change(next.state, next.reason, {
        ageMs: event.ageMs,
        viewers: event.viewers,
        wasLive: record.wasLive || next.state === 'live',
        lastMediaAt: event.ageMs === undefined ? record.lastMediaAt : event.at - event.ageMs,
        reconnects: record.reconnects + (cameBack ? 1 : 0),
      });
    }
  }
}

/**
 * The camera health machine: the next health after `event`, and an `announce` effect when the state changed.
 * @example
 * const { state, effects } = nextHealth(initialHealth(0), { kind: 'media', at: 500, ageMs: 40, viewers: 0 });
 * // state.state === 'live'; effects: [{ kind: 'announce', state: 'live', previous: 'starting', at: 500 }]
 */
export function nextHealth(
  state: HealthRecord,
  event: HealthEvent,
  thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthStep {
  const next = fold(state, event, thresholds);
  if (next.state === state.state) return { state: next, effects: [] };
  const announce: HealthEffect = {
    kind: 'announce',
    state: next.state,
    previous: state.state,
    ...(next.reason ? { reason: next.reason } : {}),
    at: event.at,
  };
  return { state: next, effects: [announce] };
}
