// Makes docs/demo-wall.png, the README's picture of the demo wall, from the real thing: `vigil serve --demo 4`
// (bundled Janus) and Debian's Chromium, inside a lab namespace. Run `npm run docs:screenshot`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchChromium } from '../../test/e2e/chromium';
import { startStation, stationPorts } from '../../test/e2e/station';

const OUT = join(import.meta.dirname, '../../docs/demo-wall.png');
const VIEWPORT = { width: 1440, height: 810 };
const LIVE_TIMEOUT_MS = 30_000;

const dataDir = await mkdtemp(join(tmpdir(), 'vigil-docs-'));
const station = await startStation(dataDir, await stationPorts(), ['--demo', '4']);
const chromium = await launchChromium();
try {
  const page = await chromium.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(station.signInLink);
  const live = page.locator('[data-testid^="tile-"][data-state="live"]');
  const deadline = Date.now() + LIVE_TIMEOUT_MS;
  while ((await live.count()) < 4) {
    if (Date.now() > deadline) throw new Error('the four demo tiles did not go live');
    await page.waitForTimeout(200);
  }
  // A couple of keyframes in, so no tile shows a half-decoded first picture.
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
}
