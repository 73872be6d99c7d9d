// The wall's motion mark: `vigil serve` (bundled Janus) watching the lab's /scene1 for motion, Debian's Chromium
// showing it on a one-tile view. The object switched on puts a "motion" mark in the tile's band; switched off, it goes.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { startStation, stationPorts, type E2EStation } from './station';

const lab = useLab({ cameras: 1, auth: 'digest' });
const RESULTS = join(import.meta.dirname, '../../test-results');
/** The lab scene's overlays that change by themselves: the timecode strip and the clock. */
const OVERLAYS = [
  [
    [0, 0],
    [0.45, 0],
    [0.45, 0.09],
    [0, 0.09],
  ],
  [
    [0.7, 0.85],
    [1, 0.85],
    [1, 1],
    [0.7, 1],
  ],
];

let dataDir: string;
let station: E2EStation;
let chromium: Chromium;
let page: Page;

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-motion-'));
  station = await startStation(dataDir, await stationPorts());
  const scene = lab().scenes[0];
  if (scene === undefined) throw new Error('the lab has no scene path');
  const added = await station.call('/cameras', {
    method: 'POST',
    body: {
      camera_id: 'scene',
      name: 'Lab scene',
      rtsp_url: scene.url,
      username: scene.username,
      password: scene.password,
      motion: { enabled: true, zones: OVERLAYS },
    },
  });
  expect(added.status).toBe(201);
  const view = await station.call('/views', {
    method: 'POST',
    body: { view_id: 'scene', name: 'Scene', layout: '1', tiles: ['scene'] },
  });
  expect(view.status).toBe(201);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  await page.goto(station.signInLink);
  await page.waitForSelector('[data-testid="wall"]');
  await page.selectOption('[data-testid="view-select"]', 'scene');
  await page.waitForSelector('[data-testid="tile-0"][data-state="live"]', { timeout: 20_000 });
}, 90_000);

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('marks the tile while the station sees motion, and only then', async () => {
  expect(await page.isVisible('[data-testid="tile-motion-0"]')).toBe(false);
  await lab().scene(true);
  await page.waitForSelector('[data-testid="tile-motion-0"]', { timeout: 5_000 });
  await page.screenshot({ path: join(RESULTS, 'wall-motion.png') });
  await lab().scene(false);
  await page.waitForSelector('[data-testid="tile-motion-0"]', { state: 'detached', timeout: 10_000 });
}, 30_000);
