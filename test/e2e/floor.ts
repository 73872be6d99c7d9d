import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { bundlePage } from './bundle';
import type { FloorConfig } from './floor-types';
import { servePages } from './serve-pages';

/** What the floor page puts on `globalThis.floor`. */
type FloorApi = { start(config: FloorConfig): Promise<void> };

/** The floor page (bare janus.js), served on 127.0.0.1, open in a page. */
export interface FloorPage {
  start(config: FloorConfig): Promise<void>;
  close(): Promise<void>;
}

/** Bundles and serves the floor page (on `port`, default a free one) and opens it in `page`. */
export async function openFloorPage(page: Page, port = 0): Promise<FloorPage> {
  const script = await bundlePage(join(import.meta.dirname, 'pages/floor.ts'));
  const server = await servePages(
    {
      '/': {
        type: 'text/html',
        body: '<!doctype html><title>floor</title><script type="module" src="/floor.js"></script>',
      },
      '/floor.js': { type: 'text/javascript', body: script },
    },
    port,
  );
  await page.goto(server.url);
  await page.waitForFunction(() => 'floor' in globalThis);
  return {
    start: (config) =>
      page.evaluate((c) => (globalThis as unknown as { floor: FloorApi }).floor.start(c), config),
    close: () => server.close(),
  };
}
