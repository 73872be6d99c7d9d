import { useEffect, useRef } from 'react';

import type { Tour } from '../../common/views';
import { TourTimer } from './tour';
import type { TourMode, WallAction } from './viewState';

/** Steps the tour every `interval_s` while it plays; a pause keeps the time left until the next step. */
export function useTour(tour: Tour | null, mode: TourMode, dispatch: (action: WallAction) => void): void {
  const intervalS = tour?.interval_s ?? null;
  const playing = mode === 'playing';
  const timer = useRef<TourTimer | null>(null);
  useEffect(() => {
    if (intervalS === null) return;
    const made = new TourTimer(intervalS * 1000, () => {
      dispatch({ type: 'tour-step' });
    });
    timer.current = made;
    return () => {
      made.pause();
      timer.current = null;
    };
  }, [intervalS, dispatch]);
  useEffect(() => {
    if (playing) timer.current?.play();
    else timer.current?.pause();
  }, [playing, intervalS]);
}
