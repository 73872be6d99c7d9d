import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { CameraView } from '../../common/camera';
import type { StationEvent } from '../../common/events';
import type { StationApi } from '../../common/station-api';
import { errorText, runInBackground } from '../../common/background';
import { applyCameraEvent, sortCameras } from './cameraEvents';

/** How often the list is fetched again besides events (events can be missed while the station restarts). */
const REFRESH_MS = 15_000;

/** The station's cameras with live health. */
export interface Cameras {
  cameras: readonly CameraView[];
  byId: ReadonlyMap<string, CameraView>;
  /** Why the last fetch failed, until one succeeds. */
  error: string | null;
  refresh: () => void;
  onStationEvent: (event: StationEvent) => void;
}

/** The camera list: fetched on mount and every 15 s, kept current between fetches by station events. */
export function useCameras(api: StationApi): Cameras {
  const [cameras, setCameras] = useState<readonly CameraView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const shown = useRef<readonly CameraView[]>([]);
  useEffect(() => {
    shown.current = cameras;
  }, [cameras]);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    runInBackground(
      api.listCameras().then((list) => {
        if (request !== latest.current) return;
        setCameras(sortCameras(list));
        setError(null);
      }),
      (failure: unknown) => {
        if (request === latest.current) setError(errorText(failure));
      },
    );
  }, [api]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [refresh]);

  const onStationEvent = useCallback(
    (event: StationEvent) => {
      setCameras((current) => applyCameraEvent(current, event).cameras);
      if (applyCameraEvent(shown.current, event).refetch) refresh();
    },
    [refresh],
  );

  const byId = useMemo(() => new Map(cameras.map((c) => [c.camera_id, c])), [cameras]);
  return { cameras, byId, error, refresh, onStationEvent };
}
