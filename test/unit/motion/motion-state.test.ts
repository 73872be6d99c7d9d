import { describe, expect, it } from 'vitest';

import { IDLE, nextMotion, type MotionChange, type MotionState } from '../../../main/motion/motion-state';

const rules = { startFrames: 2, endFrames: 3 };

/** Runs a string of frames ('M' moving, '.' quiet), 200 ms apart; returns the changes with their frame index. */
function changes(frames: string): [number, MotionChange][] {
  let state: MotionState = IDLE;
  const out: [number, MotionChange][] = [];
  Array.from(frames).forEach((frame, index) => {
    const step = nextMotion(
      state,
      { moving: frame === 'M', changedPercent: frame === 'M' ? index + 1 : 0, at: index * 200 },
      rules,
    );
    state = step.state;
    if (step.change) out.push([index, step.change]);
  });
  return out;
}

describe('nextMotion', () => {
  it.each([
    ['..........', []],
    ['.M.M.M.M.', []],
    ['.MM', [[2, 'start']]],
    [
      '.MM..M...',
      [
        [2, 'start'],
        [8, 'end'],
      ],
    ],
    [
      'MM...MM...',
      [
        [1, 'start'],
        [4, 'end'],
        [6, 'start'],
        [9, 'end'],
      ],
    ],
  ])('%s', (frames, expected) => {
    expect(changes(frames).map(([index, change]) => [index, change.kind])).toEqual(expected);
  });

  it('dates a start from the first moving frame and an end from the first quiet one, with the peak', () => {
    expect(changes('.MMM.M...').map(([, change]) => change)).toEqual([
      { kind: 'start', at: 200, changedPercent: 3 },
      { kind: 'end', at: 1200, startedAt: 200, peakPercent: 6 },
    ]);
  });
});
