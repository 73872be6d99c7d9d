// The wall as a desk operator uses it: `vigil serve` (bundled Janus) + the lab's Digest camera + Debian's
// Chromium, all in the lab namespace. Screenshots go to test-results/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { labCamera } from '../integration/janus/connect';
import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { installPeerProbe, trackInbound } from './peers';
import { installVideoProbe, markVideos, videoMetrics, waitForVideos } from './probe';
import { startStation, stationPorts, type E2EStation, type StationPorts } from './station';

const lab = useLab({ cameras: 4, auth: 'digest' });
const RESULTS = join(import.meta.dirname, '../../test-results');
const CAMERAS = Array.from({ length: 16 }, (_, i) => `cam-${String(i + 1).padStart(2, '0')}`);

let dataDir: string;
let ports: StationPorts;
let station: E2EStation;
let chromium: Chromium;
let page: Page;
/** Every WebSocket the wall opened: only the station's Janus door, never Janus's own port. */
const sockets = new Set<string>();

/** An attribute of each of the first `count` tiles. */
function tileAttributes(count: number, name: string): Promise<string[]> {
  return Promise.all(
    Array.from(
      { length: count },
      async (_, i) => (await page.getAttribute(`[data-testid="tile-${i}"]`, name)) ?? '',
    ),
  );
}

/** States of the first `count` tiles. */
function tileStates(count: number): Promise<string[]> {
  return tileAttributes(count, 'data-state');
}

/** Waits until `read` gives a value `accept` takes (throws, naming the last value, after `timeoutMs`). */
function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!accept(value)) throw new Error(`still ${JSON.stringify(value)}`);
      return value;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

const selectedView = () => page.inputValue('[data-testid="view-select"]');

/**
 * Waits until every one of the first `count` tiles is in one of `states`; returns the ms it took from
 * `since()` (default: the call), which may move (a camera that crashed and came back again).
 */
async function waitForTiles(
  count: number,
  states: string[],
  timeoutMs: number,
  since: () => number = (
    (start) => () =>
      start
  )(Date.now()),
): Promise<number> {
  // `since()` may move later while waiting (a camera that crashed and came back): wait up to twice the budget,
  // then hold the time taken, counted from the latest `since()`, to it.
  const tookMs = await vi.waitFor(
    async () => {
      const current = await tileStates(count);
      if (!current.every((s) => states.includes(s))) {
        throw new Error(`tiles not ${states.join('/')}: ${current.join(',')}`);
      }
      return Date.now() - since();
    },
    { timeout: 2 * timeoutMs, interval: 100 },
  );
  if (tookMs > timeoutMs)
    throw new Error(`tiles took ${tookMs} ms to be ${states.join('/')}, over ${timeoutMs} ms`);
  return tookMs;
}

async function selectView(viewId: string): Promise<void> {
  await page.selectOption('[data-testid="view-select"]', viewId);
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-'));
  ports = await stationPorts();
  station = await startStation(dataDir, ports);
  for (const [i, cameraId] of CAMERAS.entries()) {
    const camera = labCamera(lab(), i % 4);
    const response = await station.addCamera(cameraId, `Camera ${i + 1}`, camera);
    expect(response.status).toBe(201);
  }
  const view = await station.call('/views', {
    method: 'POST',
    body: { view_id: 'desk-16', name: 'Desk 16', layout: '4x4', tiles: CAMERAS },
  });
  expect(view.status).toBe(201);
  chromium = await launchChromium();
  await installVideoProbe(chromium.context);
  await installPeerProbe(chromium.context);
  page = await chromium.context.newPage();
  page.on('websocket', (socket) => sockets.add(socket.url()));
  await page.goto(station.signInLink);
  await page.waitForSelector('[data-testid="wall"]');
});

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the wall, on real parts', () => {
  it('plays a 16-tile view: every tile decodes and its frames advance', async () => {
    await markVideos(page);
    await selectView('desk-16');
    await waitForTiles(16, ['live'], 30_000);
    const metrics = await waitForVideos(page, 16, 30_000);
    expect(metrics.filter((m) => m.width > 0)).toHaveLength(16);
    const before = metrics.map((m) => m.frames);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = (await videoMetrics(page)).map((m) => m.frames);
    after.forEach((frames, i) => {
      expect(frames).toBeGreaterThan(before[i] ?? 0);
    });
    await page.screenshot({ path: join(RESULTS, 'wall-16-live.png') });
    expect([...sockets]).toEqual([
      expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:${ports.api}/janus\\?ticket=`)),
    ]);
  });

  it('a full-window tile pauses the tiles it hides (no packets, no frames) and they play again on return', async () => {
    const hidden = Array.from({ length: 15 }, (_, i) => i + 1);
    const videoStats = (tiles: number[]) =>
      Promise.all(tiles.map((i) => trackInbound(page, `[data-testid="tile-video-${i}"]`, 'video')));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    await page.dblclick('[data-testid="tile-0"]');
    await until(
      () => tileStates(16),
      (states) => states[0] === 'live' && hidden.every((i) => states[i] === 'paused'),
      5_000,
    );
    // Janus has stopped sending to the hidden tiles: once packets in flight have landed, nothing arrives.
    await sleep(500);
    const [fullBefore] = await videoStats([0]);
    const pausedBefore = await videoStats(hidden);
    await sleep(2_000);
    const [fullAfter] = await videoStats([0]);
    const pausedAfter = await videoStats(hidden);
    pausedAfter.forEach((stats, k) => {
      expect(stats.packetsReceived).toBeGreaterThan(0);
      expect(stats.packetsReceived).toBe(pausedBefore[k]?.packetsReceived);
      expect(stats.framesDecoded).toBe(pausedBefore[k]?.framesDecoded);
    });
    expect(fullAfter?.framesDecoded).toBeGreaterThan(fullBefore?.framesDecoded ?? 0);
    await page.screenshot({ path: join(RESULTS, 'wall-full-window.png') });

    await page.dblclick('[data-testid="tile-0"]');
    await waitForTiles(16, ['live'], 5_000);
    const resumed = await videoStats(hidden);
    await sleep(3_000);
    (await videoStats(hidden)).forEach((stats, k) => {
      expect(stats.packetsReceived).toBeGreaterThan(resumed[k]?.packetsReceived ?? 0);
      expect(stats.framesDecoded).toBeGreaterThan(resumed[k]?.framesDecoded ?? 0);
    });
  });

  it('a camera that stops shows stale within 5 s and plays again by itself within 5 s of its return', async () => {
    await lab().camera.stop();
    const staleMs = await waitForTiles(16, ['stale', 'reconnecting', 'offline'], 5_000);
    await page.screenshot({ path: join(RESULTS, 'wall-16-stale.png') });
    await lab().camera.start();
    // From the moment the camera serves again (the lab restarts it if GStreamer aborts under the reconnects).
    const recoveredMs = await waitForTiles(16, ['live'], 5_000, () => lab().camera.startedAt);
    console.log(
      `camera stopped → tiles stale in ${staleMs} ms; camera back → tiles live in ${recoveredMs} ms`,
    );
  });

  it('Janus killed: every tile recovers by itself', async () => {
    const pid = station.janusPid();
    expect(pid).toEqual(expect.any(Number));
    process.kill(pid ?? 0, 'SIGKILL');
    await waitForTiles(16, ['reconnecting', 'stale', 'connecting', 'error'], 10_000).catch(() => 0);
    const recoveredMs = await waitForTiles(16, ['live'], 45_000);
    console.log(`Janus SIGKILLed → all 16 tiles live again in ${recoveredMs} ms`);
    expect(station.janusPid()).not.toBe(pid);
  });

  it('the selected view survives a reload and a station restart', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid="wall"]');
    await until(selectedView, (id) => id === 'desk-16', 10_000);
    await waitForTiles(16, ['live'], 30_000);

    expect(await station.stop()).toBe(0);
    station = await startStation(dataDir, ports);
    await page.goto(station.signInLink);
    await page.waitForSelector('[data-testid="wall"]');
    await until(selectedView, (id) => id === 'desk-16', 10_000);
    await waitForTiles(16, ['live'], 45_000);
  });

  it('adds a camera through the UI and plays it on a tile', async () => {
    const camera = labCamera(lab(), 1);
    await page.click('[data-testid="add-camera"]');
    await page.fill('[data-testid="field-camera_id"]', 'gate');
    await page.fill('[data-testid="field-name"]', 'Gate');
    await page.fill('[data-testid="field-rtsp_url"]', camera.url);
    await page.fill('[data-testid="field-username"]', camera.username);
    await page.fill('[data-testid="field-password"]', camera.password);
    await page.click('[data-testid="save-camera"]');
    await page.waitForSelector('[data-testid="camera-item-gate"]');
    await page.click('[data-testid="layout-1"]');
    await page.dragAndDrop('[data-testid="camera-item-gate"]', '[data-testid="tile-0"]');
    await page.waitForSelector('[data-testid="tile-0"][data-camera-id="gate"][data-state="live"]', {
      timeout: 20_000,
    });
    await page.screenshot({ path: join(RESULTS, 'wall-added-camera.png') });
  });

  it('a tour rotates its cameras through the tiles', async () => {
    const tour = await station.call('/views', {
      method: 'POST',
      body: {
        view_id: 'tour',
        name: 'Tour',
        layout: '2x2',
        tiles: CAMERAS.slice(0, 4),
        tour: { cameras: CAMERAS.slice(0, 8), interval_s: 3 },
      },
    });
    expect(tour.status).toBe(201);
    await page.reload();
    await page.waitForSelector('[data-testid="wall"]');
    await selectView('tour');
    const shown = async () => (await tileAttributes(4, 'data-camera-id')).join(',');
    const first = await until(shown, (ids) => ids === CAMERAS.slice(0, 4).join(','), 10_000);
    await until(shown, (ids) => ids !== first, 10_000);
    expect(await shown()).not.toBe(first);
  });

  it('a view saved elsewhere (another wall, the portal) appears in this wall without a reload', async () => {
    // One read of the whole list: the select re-renders when views change, so option handles go stale.
    const listed = () =>
      page.$eval('[data-testid="view-select"]', (select: unknown) =>
        Array.from((select as { options: ArrayLike<{ value: string }> }).options, (option) => option.value),
      );
    expect(await listed()).not.toContain('night-shift');
    const saved = await station.call('/views', {
      method: 'POST',
      body: { view_id: 'night-shift', name: 'Night shift', layout: '1', tiles: [CAMERAS[0] ?? null] },
    });
    expect(saved.status).toBe(201);
    await until(listed, (ids) => ids.includes('night-shift'), 5_000);
    expect((await station.call('/views/night-shift', { method: 'DELETE' })).status).toBe(200);
    await until(listed, (ids) => !ids.includes('night-shift'), 5_000);
  });
});
