// A desk from the first minute, as a newcomer meets it: `vigil serve --demo 4` (bundled Janus, simulated cameras),
// the printed sign-in link in Debian's Chromium, and then a station restart and a deleted camera — all on the lab.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { installVideoProbe, markVideos, videoMetrics, waitForVideos } from './probe';
import { startStation, stationPorts, type E2EStation, type StationPorts } from './station';

useLab({ cameras: 1 });
const RESULTS = join(import.meta.dirname, '../../test-results/desk-start');
const DEMO = ['demo-1', 'demo-2', 'demo-3', 'demo-4'];

let dataDir: string;
let ports: StationPorts;
let station: E2EStation;
let chromium: Chromium;
let page: Page;

/** Every tile's state, in wall order (read through locators: this side has no DOM types). */
async function tileStates(): Promise<string[]> {
  const tiles = page.locator('[data-testid^="tile-"][data-state]');
  const count = await tiles.count();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => (await tiles.nth(i).getAttribute('data-state')) ?? ''),
  );
}

/** Waits until the first `count` tiles are live; returns how long it took. */
async function liveWithin(count: number, timeoutMs: number): Promise<number> {
  const began = Date.now();
  await vi.waitFor(
    async () => {
      const states = (await tileStates()).slice(0, count);
      expect(states).toEqual(Array<string>(count).fill('live'));
    },
    { timeout: timeoutMs, interval: 100 },
  );
  return Date.now() - began;
}

/** Every video's decoded frames rise over a second. */
async function framesAdvance(count: number): Promise<void> {
  const before = (await waitForVideos(page, count, 20_000)).map((m) => m.frames);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = (await videoMetrics(page)).map((m) => m.frames);
  for (const [i, frames] of before.entries()) expect(after[i]).toBeGreaterThan(frames);
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-desk-'));
  ports = await stationPorts();
  station = await startStation(dataDir, ports, ['--demo', '4']);
  chromium = await launchChromium();
  await installVideoProbe(chromium.context);
  page = await chromium.context.newPage();
});

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a desk from the first minute', () => {
  it('--demo 4: the sign-in link opens the view "Demo" with four tiles playing, no interaction', async () => {
    await page.goto(station.signInLink);
    await page.waitForSelector('[data-testid="wall"]');
    await vi.waitFor(async () => {
      expect(await page.inputValue('[data-testid="view-select"]')).toBe('demo');
    });
    const tookMs = await liveWithin(4, 30_000);
    await framesAdvance(4);
    console.info(`four demo tiles live ${tookMs} ms after the wall appeared`);
    await page.screenshot({ path: join(RESULTS, 'demo-4.png') });
  });

  it('a new browser opens on the view the station showed last, not an unsaved wall', async () => {
    const link = await station.call('/session/signin-link', { method: 'POST' });
    const { url } = (await link.json()) as { url: string };
    const other = await launchChromium();
    try {
      const second = await other.context.newPage();
      await second.goto(url);
      await second.waitForSelector('[data-testid="wall"]');
      await vi.waitFor(async () => {
        expect(await second.inputValue('[data-testid="view-select"]')).toBe('demo');
      });
    } finally {
      await other.close();
    }
  });

  it('a station restart on the same data folder: the open page plays again within 15 s, no new link', async () => {
    expect(await station.stop()).toBe(0);
    station = await startStation(dataDir, ports, ['--demo', '4']);
    await markVideos(page);
    const tookMs = await liveWithin(4, 15_000);
    await framesAdvance(4);
    expect(await page.locator('[data-testid="signed-out"]').count()).toBe(0);
    console.info(`the open page was live again ${tookMs} ms after the restarted station printed its link`);
  });

  it('deleting a placed camera empties its tile at once and the saved view no longer names it', async () => {
    const removed = await station.call('/cameras/demo-2', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    await vi.waitFor(
      async () => {
        expect((await tileStates()).slice(0, 4)).toEqual(['live', 'empty', 'live', 'live']);
      },
      { timeout: 3_000, interval: 100 },
    );
    const view = (await (await station.call('/views/demo')).json()) as { tiles: (string | null)[] };
    expect(view.tiles).toEqual([DEMO[0], null, DEMO[2], DEMO[3]]);
    await page.screenshot({ path: join(RESULTS, 'camera-deleted.png') });
  });

  it('a signed-out browser says so once, in words, instead of failing tile by tile', async () => {
    const cookies = await chromium.context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'vigil_session');
    expect(session).toBeDefined();
    await page.evaluate(async () => {
      await fetch('/session/logout', { method: 'POST', headers: { 'content-type': 'application/json' } });
    });
    await page.reload();
    await page.waitForSelector('[data-testid="signed-out"]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="signed-out"]')).toContain('vigil signin-link');
    expect(await page.locator('[data-testid^="tile-"]').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'signed-out.png') });
  });
});
