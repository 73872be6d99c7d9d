import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { vi } from 'vitest';

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

/** Waits until `count` videos render frames at full width; returns their figures (throws after `timeoutMs`). */
export function waitForVideos(page: Page, count: number, timeoutMs = 20_000): Promise<VideoMetrics[]> {
  return vi.waitFor(
    async () => {
      const metrics = await videoMetrics(page);
      const playing = metrics.filter((m) => m.width > 0 && m.frames > 5);
      if (playing.length < count) throw new Error(`${playing.length} of ${count} videos play`);
      return metrics;
    },
    { timeout: timeoutMs, interval: 200 },
  );
}
