import { useEffect, useState } from 'react';

import { runInBackground } from '../../common/background';
import type { StationApi } from '../../common/station-api';
import type { Range } from '../playback/timeline';
import type { TimelineLane } from './Timeline';

/** How often the strip asks again (new recordings appear at the live edge). */
const REFRESH_MS = 10_000;

/** The recorded spans of `cameraIds` around `window`, one lane per camera (empty until the first answer). */
export function useRecordings(
  api: Pick<StationApi, 'listRecordings'>,
  cameraIds: readonly string[],
  window: Range,
): TimelineLane[] {
  const [lanes, setLanes] = useState<TimelineLane[]>([]);
  const [round, setRound] = useState(0);
  // Ask for a little more than the window, on a coarse grid, so the strip moving by a frame asks nothing new.
  const grid = (window.end - window.start) / 4;
  const from = Math.floor(window.start / grid) * grid - grid;
  const to = Math.ceil(window.end / grid) * grid + grid;
  const ids = cameraIds.join('\n');

  useEffect(() => {
    const timer = setInterval(() => {
      setRound((n) => n + 1);
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    let current = true;
    const until = Math.min(to, Date.now());
    const query = { from: new Date(from).toISOString(), to: new Date(until).toISOString() };
    const asked = ids === '' ? [] : ids.split('\n');
    const answers = asked.map(async (cameraId): Promise<TimelineLane> => {
      try {
        const timeline = await api.listRecordings(cameraId, query);
        const spans = timeline.spans.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
        return { cameraId, spans };
      } catch {
        // Nothing recorded (or not reachable right now): an empty lane; the next round asks again.
        return { cameraId, spans: [] };
      }
    });
    runInBackground(
      Promise.all(answers).then((next) => {
        if (current) setLanes(next);
      }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, ids, from, to, round]);

  return lanes;
}
