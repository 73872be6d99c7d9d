import { describe, expect, it } from 'vitest';

import {
  ANALYSIS_FPS,
  ANALYSIS_GRID,
  MotionDetector,
  thresholdFor,
  type MotionChange,
} from '../../../main/motion/motion-detector';
import { brighter, seeded, texturedScene, withBlock, withNoise } from './synthetic-frames';

const FRAME_MS = 1000 / ANALYSIS_FPS;
const settings = { sensitivity: 50, min_area_percent: 1, zones: [] };

/** Pushes `frames` one frame period apart from `start` ms; returns every change with its frame number. */
function run(
  detector: MotionDetector,
  frames: Iterable<Uint8Array>,
  start = 0,
): { frame: number; change: MotionChange }[] {
  const changes: { frame: number; change: MotionChange }[] = [];
  let index = 0;
  for (const frame of frames) {
    const { change } = detector.push(frame, start + index * FRAME_MS);
    if (change !== undefined) changes.push({ frame: index, change });
    index++;
  }
  return changes;
}

function* still(count: number, sigma = 6, seed = 1): Generator<Uint8Array> {
  const scene = texturedScene();
  const random = seeded(seed);
  for (let i = 0; i < count; i++) yield withNoise(scene, sigma, random);
}

/** A 20×20 block crossing the scene 8 px per frame for `count` frames (after `from` still frames). */
function* crossing(from: number, count: number, after: number, x0 = 10, y = 35): Generator<Uint8Array> {
  yield* still(from, 6, 2);
  const scene = texturedScene();
  const random = seeded(3);
  for (let i = 0; i < count; i++) yield withNoise(withBlock(scene, x0 + ((i * 8) % 120), y, 20), 6, random);
  yield* still(after, 6, 4);
}

describe('MotionDetector', () => {
  it('sees no motion in a still, textured scene with noise (60 s at 5 fps)', () => {
    const detector = new MotionDetector(settings);
    expect(run(detector, still(60 * ANALYSIS_FPS))).toEqual([]);
    expect(detector.active).toBe(false);
  });

  it('starts on the second frame of a moving block, dated from its first, and ends after the quiet stretch', () => {
    const detector = new MotionDetector(settings);
    const changes = run(detector, crossing(20, 25, 40));
    expect(changes.map(({ frame, change }) => [frame, change.kind])).toEqual([
      [21, 'start'],
      [expect.any(Number), 'end'],
    ]);
    const [start, end] = changes;
    expect(start?.change.at).toBe(20 * FRAME_MS);
    expect(end?.change).toMatchObject({ kind: 'end', startedAt: 20 * FRAME_MS });
    // The block left after frame 44; its fading trace and the 10 quiet frames end it within ~3 s.
    expect(end?.frame).toBeGreaterThanOrEqual(45 + 9);
    expect(end?.frame).toBeLessThanOrEqual(45 + 15);
    expect(end?.change.kind === 'end' && end.change.peakPercent).toBeGreaterThan(2);
  });

  it('ignores motion inside a zone', () => {
    // The block runs along y 35..55; the zone covers the band y 0.3..0.7 of the picture.
    const zone: [number, number][] = [
      [0, 0.3],
      [1, 0.3],
      [1, 0.7],
      [0, 0.7],
    ];
    const detector = new MotionDetector({ ...settings, zones: [zone] });
    expect(run(detector, crossing(20, 25, 20))).toEqual([]);
  });

  it('still sees motion outside the zones', () => {
    const zone: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 0.2],
    ];
    const detector = new MotionDetector({ ...settings, zones: [zone] });
    expect(run(detector, crossing(20, 25, 20)).map(({ change }) => change.kind)).toContain('start');
  });

  it('needs persistence: one odd frame (a glitch) starts nothing', () => {
    const scene = texturedScene();
    const frames = [...still(20), withBlock(scene, 60, 30, 30), ...still(20, 6, 9)];
    expect(run(new MotionDetector(settings), frames)).toEqual([]);
  });

  it('needs the minimum area: a small block moving does not count at 1 %', () => {
    const scene = texturedScene();
    const random = seeded(5);
    const small = Array.from({ length: 30 }, (_, i) =>
      withNoise(withBlock(scene, 10 + i * 4, 40, 5), 6, random),
    );
    expect(run(new MotionDetector(settings), [...still(10), ...small])).toEqual([]);
    const lowBar = new MotionDetector({ ...settings, min_area_percent: 0.1 });
    expect(run(lowBar, [...still(10), ...small]).map(({ change }) => change.kind)).toEqual(['start']);
  });

  it('takes a change of light as a new background, not motion', () => {
    const scene = texturedScene();
    const random = seeded(6);
    const lit = Array.from({ length: 20 }, () => withNoise(brighter(scene, 90), 6, random));
    expect(run(new MotionDetector(settings), [...still(10), ...lit])).toEqual([]);
  });

  it('ends motion when interrupted (the stream stopped) and only then', () => {
    const detector = new MotionDetector(settings);
    expect(detector.interrupt(0)).toBeUndefined();
    run(detector, crossing(10, 10, 0));
    expect(detector.active).toBe(true);
    expect(detector.interrupt(5000)).toMatchObject({ kind: 'end', at: 5000, startedAt: 10 * FRAME_MS });
    expect(detector.active).toBe(false);
  });

  it('refuses a frame of the wrong size', () => {
    const detector = new MotionDetector(settings);
    expect(detector.frameBytes).toBe(ANALYSIS_GRID.width * ANALYSIS_GRID.height);
    expect(() => detector.push(new Uint8Array(10), 0)).toThrow(/160x90 bytes, got 10/);
  });
});

describe('thresholdFor', () => {
  it.each([
    [1, 64],
    [50, 37],
    [100, 10],
    [0, 64],
    [200, 10],
  ])('sensitivity %d → %d grey levels', (sensitivity, threshold) => {
    expect(thresholdFor(sensitivity)).toBe(threshold);
  });
});
