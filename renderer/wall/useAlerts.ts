import { useCallback, useState } from 'react';

import type { StationEvent } from '../../common/events';
import type { TileStatus } from '../player/types';
import { acknowledgeAlert, applyStationEvent, raiseAlert, recoverAlert, type DeskAlert } from './alerts';

/** The desk's alert list and what feeds it. */
export interface Alerts {
  alerts: readonly DeskAlert[];
  /** Feeds a station event (`camera.state` stale/offline/error raises, live recovers). */
  onStationEvent: (event: StationEvent) => void;
  /** Feeds a tile's player status (stale raises, live recovers). */
  onPlayerStatus: (cameraId: string, status: TileStatus) => void;
  acknowledge: (alertId: string) => void;
}

/** Desk alerts: raised by the station or by this wall's tiles, kept until the operator acknowledges them. */
export function useAlerts(): Alerts {
  const [alerts, setAlerts] = useState<readonly DeskAlert[]>([]);
  const onStationEvent = useCallback((event: StationEvent) => {
    setAlerts((current) => applyStationEvent(current, event));
  }, []);
  const onPlayerStatus = useCallback((cameraId: string, status: TileStatus) => {
    if (status.state === 'stale') {
      const raise = {
        cameraId,
        kind: 'stale' as const,
        source: 'wall' as const,
        at: status.since,
        reason: 'no video on this wall',
      };
      setAlerts((current) => raiseAlert(current, raise));
    } else if (status.state === 'live') {
      setAlerts((current) => recoverAlert(current, cameraId, status.since, 'wall'));
    }
  }, []);
  const acknowledge = useCallback((alertId: string) => {
    setAlerts((current) => acknowledgeAlert(current, alertId));
  }, []);
  return { alerts, onStationEvent, onPlayerStatus, acknowledge };
}
