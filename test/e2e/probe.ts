import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { BrowserContext, Page } from 'playwright-core';

import { bundlePage } from './bundle';
import type { VideoMetrics } from './video-metrics';

type VideoProbe = { mark(): void; metrics(): VideoMetrics[] };

/** Adds the video probe to every page of `context` before the page's own scripts run. */
export async function installVideoProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: await bundlePage(join(import.meta.dirname, 'pages/video-probe.ts')),
  });
}

/** Starts the first-frame clock and forgets earlier figures. */
export function markVideos(page: Page): Promise<void> {
  return page.evaluate(() => {
    (globalThis as unknown as { videoProbe: VideoProbe }).videoProbe.mark();
  });
}

/** Every video's figures since the last mark. */
export function videoMetrics(page: Page): Promise<VideoMetrics[]> {
  return page.evaluate(() => (globalThis as unknown as { videoProbe: VideoProbe }).videoProbe.metrics());
}

/**
 * Waits until `count` videos render frames at full width; returns their figures (throws after `timeoutMs`).
 * Plain polling rather than vi.waitFor: the benchmarks (test/bench/) call this outside vitest.
 */
export async function waitForVideos(page: Page, count: number, timeoutMs = 20_000): Promise<VideoMetrics[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metrics = await videoMetrics(page);
    const playing = metrics.filter((m) => m.width > 0 && m.frames > 5).length;
    if (playing >= count) return metrics;
    if (Date.now() >= deadline) throw new Error(`${playing} of ${count} videos play after ${timeoutMs} ms`);
    await sleep(200);
  }
}
