import type { StationEvent } from '../../common/events';

/** Why the desk is alerted about a camera. */
export type AlertKind = 'stale' | 'offline' | 'error';

/** Who saw it: the station (camera.state events) or a tile of this wall (its player). */
export type AlertSource = 'station' | 'wall';

/** One desk alert: a camera that went stale/offline/error, shown until the operator acknowledges it. */
export interface DeskAlert {
  id: string;
  cameraId: string;
  kind: AlertKind;
  source: AlertSource;
  /** When it first went wrong (ms since the epoch). */
  at: number;
  reason?: string;
  /** How many times it went wrong before the operator acknowledged it. */
  count: number;
  /** When it came back (ms since the epoch); the alert still waits for acknowledgement. */
  recoveredAt?: number;
}

/** Something went wrong with a camera (a station `camera.state` event or a tile of this wall). */
export interface AlertRaise {
  cameraId: string;
  kind: AlertKind;
  source: AlertSource;
  at: number;
  reason?: string;
}

const SEVERITY: Record<AlertKind, number> = { stale: 0, offline: 1, error: 2 };

/**
 * Adds an alert, one per camera: while a camera's alert is open, a worse kind replaces a milder one (keeping
 * when it started) and the station's word replaces the wall's; a camera that failed again after recovering
 * counts one more time.
 */
export function raiseAlert(alerts: readonly DeskAlert[], raise: AlertRaise): readonly DeskAlert[] {
  const current = alerts.find((a) => a.cameraId === raise.cameraId);
  if (!current) {
    const alert: DeskAlert = { id: `${raise.cameraId}@${raise.at}`, count: 1, ...raise };
    return [...alerts, alert];
  }
  let next: DeskAlert;
  if (current.recoveredAt !== undefined) {
    next = { ...current, ...raise, at: current.at, count: current.count + 1, recoveredAt: undefined };
  } else if (SEVERITY[raise.kind] > SEVERITY[current.kind]) {
    next = { ...current, kind: raise.kind, source: raise.source, reason: raise.reason ?? current.reason };
  } else if (raise.kind === current.kind && raise.source === 'station' && current.source === 'wall') {
    next = { ...current, source: 'station', reason: raise.reason ?? current.reason };
  } else {
    return alerts;
  }
  return alerts.map((a) => (a === current ? next : a));
}

/**
 * The camera is back: its open alert shows when, and still waits for acknowledgement. The station's word
 * recovers any alert; a tile of this wall going live recovers only what the wall raised.
 */
export function recoverAlert(
  alerts: readonly DeskAlert[],
  cameraId: string,
  at: number,
  source: AlertSource,
): readonly DeskAlert[] {
  const recovers = (a: DeskAlert): boolean =>
    a.cameraId === cameraId && a.recoveredAt === undefined && (source === 'station' || a.source === 'wall');
  if (!alerts.some(recovers)) return alerts;
  return alerts.map((a) => (recovers(a) ? { ...a, recoveredAt: at } : a));
}

/** Removes an acknowledged alert. */
export function acknowledgeAlert(alerts: readonly DeskAlert[], id: string): readonly DeskAlert[] {
  return alerts.filter((a) => a.id !== id);
}

/** Forgets a camera that no longer exists. */
function dropCameraAlerts(alerts: readonly DeskAlert[], cameraId: string): readonly DeskAlert[] {
  return alerts.filter((a) => a.cameraId !== cameraId);
}

/** The desk alerts after a station event: `camera.state` raises (stale/offline/error) or recovers (live). */
export function applyStationEvent(alerts: readonly DeskAlert[], event: StationEvent): readonly DeskAlert[] {
  if (event.type === 'camera.removed') return dropCameraAlerts(alerts, event.camera_id);
  if (event.type !== 'camera.state') return alerts;
  const at = Date.parse(event.at);
  switch (event.state) {
    case 'stale':
    case 'offline':
    case 'error':
      return raiseAlert(alerts, {
        cameraId: event.camera_id,
        kind: event.state,
        source: 'station',
        at,
        reason: event.reason,
      });
    case 'live':
      return recoverAlert(alerts, event.camera_id, at, 'station');
    case 'starting':
    case 'disabled':
      return alerts;
  }
}
