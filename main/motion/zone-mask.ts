// Which pixels of the analysis grid motion counts on: all but those inside an ignore zone (pure).
import type { MotionZone } from '../../common/motion';

/**
 * A `width`×`height` mask, 1 where motion counts and 0 where a pixel's centre lies inside one of `zones`
 * (polygons in 0..1 of the picture, even-odd rule).
 */
export function watchedMask(width: number, height: number, zones: readonly MotionZone[]): Uint8Array {
  const mask = new Uint8Array(width * height).fill(1);
  for (const zone of zones) {
    for (let y = 0; y < height; y++) {
      const py = (y + 0.5) / height;
      for (let x = 0; x < width; x++) {
        if (inside(zone, (x + 0.5) / width, py)) mask[y * width + x] = 0;
      }
    }
  }
  return mask;
}

/** How many pixels of `mask` are watched. */
export function watchedCount(mask: Uint8Array): number {
  let count = 0;
  for (const pixel of mask) count += pixel;
  return count;
}

/** Whether point (px, py) lies inside `polygon` (even-odd: a ray to the right crosses its edges an odd number of times). */
function inside(polygon: MotionZone, px: number, py: number): boolean {
  let crossings = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [ax = 0, ay = 0] = polygon[i] ?? [];
    const [bx = 0, by = 0] = polygon[j] ?? [];
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) crossings = !crossings;
  }
  return crossings;
}
