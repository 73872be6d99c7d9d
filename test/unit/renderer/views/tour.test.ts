import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { TourTimer, tourPages, tourTiles } from '../../../../renderer/views/tour';

describe('tourTiles', () => {
  const pool = ['a', 'b', 'c', 'd', 'e'];

  it.each([
    [4, 0, ['a', 'b', 'c', 'd']],
    [4, 1, ['e', null, null, null]],
    [4, 2, ['a', 'b', 'c', 'd']],
    [1, 3, ['d']],
    [9, 5, ['a', 'b', 'c', 'd', 'e', null, null, null, null]],
  ])('%i tiles, step %i', (count, step, tiles) => {
    expect(tourTiles(pool, count, step)).toEqual(tiles);
  });

  it('counts pages', () => {
    expect(tourPages(pool, 4)).toBe(2);
    expect(tourPages(pool, 5)).toBe(1);
    expect(tourPages(pool, 1)).toBe(5);
    expect(tourPages([], 4)).toBe(1);
  });
});

describe('TourTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('steps every interval while playing', () => {
    const onStep = vi.fn();
    const timer = new TourTimer(10_000, onStep);
    timer.play();
    vi.advanceTimersByTime(9_999);
    expect(onStep).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStep).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(onStep).toHaveBeenCalledTimes(4);
    expect(timer.playing).toBe(true);
    timer.pause();
  });

  it('a pause keeps the time left; play twice is one timer', () => {
    const onStep = vi.fn();
    const timer = new TourTimer(10_000, onStep);
    timer.play();
    timer.play();
    vi.advanceTimersByTime(7_000);
    timer.pause();
    expect(timer.playing).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(onStep).not.toHaveBeenCalled();
    timer.play();
    vi.advanceTimersByTime(2_999);
    expect(onStep).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStep).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onStep).toHaveBeenCalledTimes(2);
    timer.pause();
  });
});
