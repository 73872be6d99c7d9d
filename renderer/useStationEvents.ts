import { useEffect, useRef } from 'react';

import type { StationEvent } from '../common/events';
import type { StationApi } from '../common/station-api';

/** Subscribes once to the station's events for the life of the component; the latest listener gets each one. */
export function useStationEvents(api: StationApi, listener: (event: StationEvent) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  }, [listener]);
  useEffect(
    () =>
      api.onEvent((event) => {
        latest.current(event);
      }),
    [api],
  );
}
