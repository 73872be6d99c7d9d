// Recorded playback as a desk and a portal use it, on real parts: `vigil serve` recording four lab cameras
// (real RTSP, real ffmpeg), Debian's Chromium playing the station's fragmented MP4 through Media Source
// Extensions, and the lab camera's timecode strip read back from the frames shown. Screenshots of the replay UI
// go to test-results/replay/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { labCamera } from '../integration/janus/connect';
import { TIMECODE_BITS } from '../lab/timecode';
import { useLab } from '../lab/vitest';
import { bundlePage } from './bundle';
import { launchChromium, type Chromium } from './chromium';
import type { ReplayFrame } from './replay-types';
import { startStation, stationPorts, type E2EStation } from './station';

const lab = useLab({ cameras: 4, auth: 'digest' });
const RESULTS = join(import.meta.dirname, '../../test-results/replay');
const CAMERAS = ['cam-1', 'cam-2', 'cam-3', 'cam-4'];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
/** Recording before the tests look back (T is 30 s ago, and 10 s after T must be on disk). */
const RECORD_FIRST_MS = 45_000;

let dataDir: string;
let station: E2EStation;
let chromium: Chromium;
let page: Page;

type Probe = {
  sdkPlay(base: string, apiKey: string, cameraId: string, from: number, testId: string): Promise<void>;
  sdkStop(cameraId: string, testId: string): Promise<void>;
  frames(selector: string): ReplayFrame[];
  forget(): void;
  mediaTimes(selectors: string[]): (number | undefined)[];
  now(selectors: string[]): (number | undefined)[];
};

/** `timecode − wallMs` in ms, across the strip's 2^32 wrap (positive: the frame is later than `wallMs`). */
function timecodeMinus(timecode: number, wallMs: number): number {
  const modulus = 2 ** TIMECODE_BITS;
  const diff = (((timecode - wallMs) % modulus) + modulus) % modulus;
  return diff >= modulus / 2 ? diff - modulus : diff;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function frames(selector: string): Promise<ReplayFrame[]> {
  return page.evaluate(
    (s) => (globalThis as unknown as { replayProbe: Probe }).replayProbe.frames(s),
    selector,
  );
}

function timecodesNow(selectors: string[]): Promise<(number | undefined)[]> {
  return page.evaluate(
    (s) => (globalThis as unknown as { replayProbe: Probe }).replayProbe.now(s),
    selectors,
  );
}

function mediaTimesNow(selectors: string[]): Promise<(number | undefined)[]> {
  return page.evaluate(
    (s) => (globalThis as unknown as { replayProbe: Probe }).replayProbe.mediaTimes(s),
    selectors,
  );
}

/** Max − min. */
const spread = (values: readonly number[]): number => Math.max(...values) - Math.min(...values);

/** The middle value. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** A wall with every tile live again (a fresh page: nothing left from an earlier test). */
async function freshWall(viewId: string, tiles: number): Promise<void> {
  await page.reload();
  await page.waitForSelector('[data-testid="wall"]');
  await page.selectOption('[data-testid="view-select"]', viewId);
  await until(
    () => Promise.all(Array.from({ length: tiles }, (_, i) => tileAttribute(i, 'data-state'))),
    (states) => states.every((state) => state === 'live'),
    30_000,
  );
}

/**
 * Samples a synchronized view `count` times: the spread of the timecodes the tiles show (end to end: the
 * recorders' timestamps and the player) and of the wall-clock instants the players show by the station's
 * mapping (start of media time 0 + currentTime: the player alone).
 */
async function syncSpreads(
  videos: string[],
  starts: number[],
  count: number,
): Promise<{ timecode: number[]; player: number[] }> {
  const timecode: number[] = [];
  const player: number[] = [];
  for (let i = 0; i < count; i++) {
    const [codes, times] = [await timecodesNow(videos), await mediaTimesNow(videos)];
    expect(codes.every((c) => c !== undefined)).toBe(true);
    timecode.push(spread(codes.map((c) => timecodeMinus(c ?? 0, codes[0] ?? 0))));
    player.push(spread(times.map((t, k) => (starts[k] ?? 0) + (t ?? 0) * 1000)));
    await sleep(500);
  }
  return { timecode, player };
}

/** Waits until `read` gives a value `accept` takes (throws, naming the last value, after `timeoutMs`). */
function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!accept(value)) throw new Error(`still ${JSON.stringify(value).slice(0, 400)}`);
      return value;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

const tileAttribute = (index: number, name: string) =>
  page.getAttribute(`[data-testid="tile-${index}"]`, name).then((v) => v ?? '');

/** The wall-clock instant of media time 0 the station gives a playback from `fromMs` (asked directly). */
async function playbackStart(cameraId: string, fromMs: number): Promise<number> {
  const abort = new AbortController();
  const response = await fetch(
    `${station.baseUrl}/cameras/${cameraId}/playback?from=${new Date(fromMs).toISOString()}`,
    { headers: { authorization: `Bearer ${station.manageKey}` }, signal: abort.signal },
  );
  expect(response.status).toBe(200);
  const start = Date.parse(response.headers.get('x-vigil-playback-start') ?? '');
  abort.abort();
  await response.body?.cancel().catch(() => undefined);
  return start;
}

async function screenshots(name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await sleep(600);
    await page.screenshot({ path: join(RESULTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0] ?? { width: 1920, height: 1080 });
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-replay-'));
  station = await startStation(dataDir, await stationPorts());
  for (const [i, cameraId] of CAMERAS.entries()) {
    const camera = labCamera(lab(), i);
    const response = await station.call('/cameras', {
      method: 'POST',
      body: {
        camera_id: cameraId,
        name: `Camera ${i + 1}`,
        rtsp_url: camera.url,
        username: camera.username,
        password: camera.password,
        recording: { mode: 'continuous', retention_hours: 1 },
      },
    });
    expect(response.status).toBe(201);
  }
  const view = await station.call('/views', {
    method: 'POST',
    body: { view_id: 'replay-4', name: 'Replay 4', layout: '2x2', tiles: CAMERAS },
  });
  expect(view.status).toBe(201);
  // Nine tiles: more playback streams than the six HTTP/1.1 connections a browser opens to the station.
  const nine = await station.call('/views', {
    method: 'POST',
    body: { view_id: 'replay-9', name: 'Replay 9', layout: '3x3', tiles: [...CAMERAS, ...CAMERAS, 'cam-1'] },
  });
  expect(nine.status).toBe(201);
  chromium = await launchChromium();
  await chromium.context.addInitScript({
    content: await bundlePage(join(import.meta.dirname, 'pages/replay-probe.ts')),
  });
  page = await chromium.context.newPage();
  await page.goto(station.signInLink);
  await page.waitForSelector('[data-testid="wall"]');
  await page.selectOption('[data-testid="view-select"]', 'replay-4');
  await sleep(RECORD_FIRST_MS);
}, RECORD_FIRST_MS + 90_000);

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('recorded playback in Chromium', () => {
  it('the SDK plays from T: the first frame reads T within 1 s, media time +10 s reads T+10 s ± 0.2 s', async () => {
    const T = Date.now() - 30_000;
    const start = await playbackStart('cam-1', T);
    await page.evaluate(
      ({ base, key, from }) =>
        (globalThis as unknown as { replayProbe: Probe }).replayProbe.sdkPlay(
          base,
          key,
          'cam-1',
          from,
          'sdk-replay',
        ),
      { base: station.baseUrl, key: station.manageKey, from: T },
    );
    const target = (T - start) / 1000 + 10;
    const seen = await until(
      () => frames('[data-testid="sdk-replay"]'),
      (list) => list.some((f) => f.mediaTime >= target + 0.1),
      30_000,
    );
    const [first] = seen;
    const later = seen.reduce((best, f) =>
      Math.abs(f.mediaTime - target) < Math.abs(best.mediaTime - target) ? f : best,
    );
    const firstOff = timecodeMinus(first?.timecode ?? 0, T);
    const laterOff = timecodeMinus(later.timecode, T + 10_000);
    console.log(
      `playback from T: first frame reads T ${firstOff >= 0 ? '+' : ''}${firstOff} ms; ` +
        `media +10 s (${(later.mediaTime - (T - start) / 1000).toFixed(3)} s) reads T+10 s ${laterOff >= 0 ? '+' : ''}${laterOff} ms`,
    );
    expect(Math.abs(firstOff)).toBeLessThanOrEqual(1000);
    expect(Math.abs(laterOff)).toBeLessThanOrEqual(200);
    await page.evaluate(() =>
      (globalThis as unknown as { replayProbe: Probe }).replayProbe.sdkStop('cam-1', 'sdk-replay'),
    );
  });

  it('a tile goes to instant replay at a typed time, shows PLAYBACK and its timeline, and comes back live in one click', async () => {
    await until(
      () => tileAttribute(0, 'data-state'),
      (s) => s === 'live',
      30_000,
    );
    expect(await page.textContent('[data-testid="tile-state-0"]')).toBe('LIVE');
    const T = Date.now() - 20_000;
    await page.click('[data-testid="tile-0"]');
    await page.keyboard.press('g');
    await page.waitForSelector('[data-testid="replay-picker"]');
    await page.fill('[data-testid="replay-time"]', new Date(T).toISOString());
    await page.click('[data-testid="replay-go"]');
    await until(
      () => tileAttribute(0, 'data-playback-phase'),
      (p) => p === 'playing',
      20_000,
    );
    expect(await tileAttribute(0, 'data-mode')).toBe('playback');
    expect(await page.textContent('[data-testid="tile-mode-0"]')).toMatch(/^PLAYBACK \d\d:\d\d:\d\d$/);
    // The other tiles stay live.
    expect(await tileAttribute(1, 'data-mode')).toBe('live');
    const [first] = await until(
      () => frames('[data-testid="tile-replay-video-0"]'),
      (f) => f.length > 0,
      10_000,
    );
    expect(Math.abs(timecodeMinus(first?.timecode ?? 0, T))).toBeLessThanOrEqual(1000);
    // The timeline shows what was recorded.
    await page.waitForSelector('[data-testid="tile-replay-0-timeline"] .timeline-span', { timeout: 15_000 });

    // Pause, a frame forward, 4×.
    await page.click('[data-testid="tile-replay-0-play"]');
    await until(
      () => tileAttribute(0, 'data-playback-phase'),
      (p) => p === 'paused',
      5_000,
    );
    const video = '[data-testid="tile-replay-video-0"]';
    await sleep(300);
    const [before] = await mediaTimesNow([video]);
    await page.click('[data-testid="tile-replay-0-step-forward"]');
    await sleep(500);
    const [after] = await mediaTimesNow([video]);
    const shown = await frames(video);
    const stepMs = ((after ?? 0) - (before ?? 0)) * 1000;
    console.log(
      `frame step: media time moved ${stepMs.toFixed(1)} ms; last frame presented at media ${shown.at(-1)?.mediaTime.toFixed(3)} s`,
    );
    expect(Math.abs(stepMs - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs((shown.at(-1)?.mediaTime ?? 0) - (after ?? 0))).toBeLessThanOrEqual(0.041);
    await page.click('[data-testid="tile-replay-0-rate-4"]');
    await page.click('[data-testid="tile-replay-0-play"]');
    await until(
      () => tileAttribute(0, 'data-playback-phase'),
      (p) => p === 'playing',
      5_000,
    );
    await sleep(1500);
    await screenshots('tile-replay');

    await page.click('[data-testid="tile-replay-0-live"]');
    await until(
      () => tileAttribute(0, 'data-mode'),
      (m) => m === 'live',
      2_000,
    );
    await until(
      () => tileAttribute(0, 'data-state'),
      (s) => s === 'live',
      15_000,
    );
    expect(await page.$('[data-testid="tile-replay-video-0"]')).toBeNull();
  });

  it('the whole view replays in sync: the four tiles show timecodes within 0.2 s of each other, then all go live', async () => {
    await freshWall('replay-4', 4);
    const videos = [0, 1, 2, 3].map((i) => `[data-testid="tile-replay-video-${i}"]`);
    const T = Date.now() - 30_000;
    const starts = await Promise.all(CAMERAS.map((cameraId) => playbackStart(cameraId, T)));
    await page.click('[data-testid="replay-view-button"]');
    await page.click('[data-testid="replay-scope-view"]');
    await page.fill('[data-testid="replay-time"]', new Date(T).toISOString());
    await page.click('[data-testid="replay-go"]');
    await until(
      () => Promise.all([0, 1, 2, 3].map((i) => tileAttribute(i, 'data-playback-phase'))),
      (phases) => phases.every((p) => p === 'playing'),
      30_000,
    );
    await page.waitForSelector('[data-testid="view-replay-badge"]');
    await sleep(2000);
    const playing = await syncSpreads(videos, starts, 10);
    console.log(
      `synchronized 4-tile view at 1×: timecode spread (ms) ${playing.timecode.join(', ')}; ` +
        `player spread (ms) ${playing.player.map((p) => p.toFixed(0)).join(', ')}`,
    );
    expect(Math.max(...playing.player)).toBeLessThanOrEqual(200);
    expect(median(playing.timecode)).toBeLessThanOrEqual(200);

    // 2×, then paused: still together.
    await page.click('[data-testid="view-replay-rate-2"]');
    await sleep(3000);
    await page.click('[data-testid="view-replay-play"]');
    await sleep(800);
    const paused = await syncSpreads(videos, starts, 1);
    console.log(
      `synchronized view after 2× and pause: timecode spread ${paused.timecode.join()} ms, player spread ${paused.player.map((p) => p.toFixed(0)).join()} ms`,
    );
    expect(Math.max(...paused.player)).toBeLessThanOrEqual(50);
    expect(Math.max(...paused.timecode)).toBeLessThanOrEqual(200);
    await screenshots('view-replay');

    await page.click('[data-testid="view-replay-live"]');
    await until(
      () => Promise.all([0, 1, 2, 3].map((i) => tileAttribute(i, 'data-mode'))),
      (modes) => modes.every((m) => m === 'live'),
      2_000,
    );
    await until(
      () => Promise.all([0, 1, 2, 3].map((i) => tileAttribute(i, 'data-state'))),
      (states) => states.every((s) => s === 'live'),
      20_000,
    );
    expect(await page.$('[data-testid="view-replay-badge"]')).toBeNull();
  });

  it('a 3×3 view (more streams than the browser’s six connections to the station) replays in sync, and the wall’s API still answers', async () => {
    await freshWall('replay-9', 9);
    const tiles = Array.from({ length: 9 }, (_, i) => i);
    await page.click('[data-testid="tile-4"]');
    await page.keyboard.press('Shift+R');
    await until(
      () => Promise.all(tiles.map((i) => tileAttribute(i, 'data-playback-phase'))),
      (phases) => phases.every((p) => p === 'playing'),
      30_000,
    );
    // The timeline's recordings query goes through while nine playbacks run.
    await page.waitForSelector('[data-testid="view-replay-timeline"] .timeline-span', { timeout: 15_000 });
    await sleep(2000);
    const codes = await timecodesNow(tiles.map((i) => `[data-testid="tile-replay-video-${i}"]`));
    expect(codes.every((c) => c !== undefined)).toBe(true);
    const offsets = codes.map((c) => timecodeMinus(c ?? 0, codes[0] ?? 0));
    console.log(`synchronized 9-tile view: timecode offsets ${offsets.join(', ')} ms`);
    await page.keyboard.press('l');
    await until(
      () => Promise.all(tiles.map((i) => tileAttribute(i, 'data-mode'))),
      (modes) => modes.every((m) => m === 'live'),
      2_000,
    );
  });
});
