// The wall's geometry: measured in the page (pages/wall-probe.ts), judged here.
import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

import { bundlePage } from './bundle';
import type { Box, WallGeometry } from './wall-types';

export type { Box, WallGeometry } from './wall-types';

/** Adds the wall probe to every page of `context` before the page's own scripts run. */
export async function installWallProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: await bundlePage(join(import.meta.dirname, 'pages/wall-probe.ts')),
  });
}

/** Measures the wall in the page. */
export function measureWall(page: Page): Promise<WallGeometry> {
  return page.evaluate(() =>
    (globalThis as unknown as { wallProbe: { measure(): WallGeometry } }).wallProbe.measure(),
  );
}

/** The share of `area` that the union of `boxes` covers (0–1): exact, by cutting the area at every box edge. */
function coveredFraction(area: Box, boxes: readonly Box[]): number {
  const clipped = boxes
    .map((b) => ({
      x0: Math.max(b.x, area.x),
      y0: Math.max(b.y, area.y),
      x1: Math.min(b.x + b.width, area.x + area.width),
      y1: Math.min(b.y + b.height, area.y + area.height),
    }))
    .filter((b) => b.x1 > b.x0 && b.y1 > b.y0);
  const xs = [...new Set(clipped.flatMap((b) => [b.x0, b.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(clipped.flatMap((b) => [b.y0, b.y1]))].sort((a, b) => a - b);
  let covered = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const [x0, x1, y0, y1] = [xs[i] ?? 0, xs[i + 1] ?? 0, ys[j] ?? 0, ys[j + 1] ?? 0];
      const inside = clipped.some((b) => b.x0 <= x0 && b.x1 >= x1 && b.y0 <= y0 && b.y1 >= y1);
      if (inside) covered += (x1 - x0) * (y1 - y0);
    }
  }
  return covered / (area.width * area.height);
}

/** Whether `inner` lies inside `outer` (half a pixel of rounding allowed). */
function inside(inner: Box, outer: Box): boolean {
  const slack = 0.5;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

/** The tiles must cover at least this share of the space the frame leaves the wall (the rest: 1 px gaps). */
export const MIN_COVER = 0.98;

/**
 * Asserts the wall fills its space (tiles cover at least MIN_COVER of it), each tile's band sits above its
 * picture, videos are letterboxed inside their tiles and nothing scrolls; returns the share covered.
 */
export function expectFilledWall(wall: WallGeometry, what: string): number {
  const cover = coveredFraction(
    wall.area,
    wall.tiles.map((t) => t.tile),
  );
  expect(cover, `${what}: tiles cover ${(cover * 100).toFixed(2)} % of the wall area`).toBeGreaterThanOrEqual(
    MIN_COVER,
  );
  expect(wall.scrolls, `${what}: the page scrolls`).toBe(false);
  for (const t of wall.tiles) {
    if (!t.video || !t.band) continue;
    expect(t.fit, `${what}: tile ${t.index} letterboxes`).toBe('contain');
    expect(inside(t.video, t.tile), `${what}: tile ${t.index}'s video stays in its tile`).toBe(true);
    expect(t.video.y, `${what}: tile ${t.index}'s band is above its picture`).toBeGreaterThanOrEqual(
      t.band.y + t.band.height - 0.5,
    );
    expect(t.video.height, `${what}: tile ${t.index}'s picture has room`).toBeGreaterThan(t.tile.height / 2);
  }
  return cover;
}
