import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium, type Chromium } from '../e2e/chromium';
import { openFloorPage } from '../e2e/floor';
import { installVideoProbe, markVideos, videoMetrics, waitForVideos } from '../e2e/probe';
import { startStation, stationPorts, type E2EStation } from '../e2e/station';
import type { VideoMetrics } from '../e2e/video-metrics';
import type { Lab } from '../lab';
import { freePort } from '../lab/ports';
import { chromiumCpuPercent } from './chromium-cpu';
import { chooseView, openWall } from './wall-page';
import { benchRecovery } from './wall-recovery';
import { quantile } from './measure';

const TILE_COUNTS = [1, 4, 9, 16] as const;
const LAYOUT: Record<(typeof TILE_COUNTS)[number], string> = { 1: '1', 4: '2x2', 9: '3x3', 16: '4x4' };
const STEADY_MS = 5_000;
/** Floor and wall pages take turns this many times per tile count: one first frame per tile is too few to compare. */
const ROUNDS = 3;

/** One page's figures for one tile count. */
interface Run {
  firstFrame: number[];
  fps: number;
  cpu: number;
  latency: number[];
}

async function measure(page: Page, tiles: number, play: () => Promise<void>): Promise<Run> {
  await markVideos(page);
  await play();
  const started = await waitForVideos(page, tiles, 30_000);
  const framesBefore = (await videoMetrics(page)).map((m) => m.frames);
  const cpu = await chromiumCpuPercent(STEADY_MS);
  const after: VideoMetrics[] = await videoMetrics(page);
  const fps =
    after.reduce((sum, m, i) => sum + (m.frames - (framesBefore[i] ?? 0)), 0) /
    after.length /
    (STEADY_MS / 1_000);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return {
    firstFrame: sorted(started.flatMap((m) => (m.firstFrameMs === undefined ? [] : [m.firstFrameMs]))),
    fps,
    cpu,
    latency: sorted(after.flatMap((m) => m.latenciesMs.slice(-50))),
  };
}

function row(label: string, run: Run, floor?: Run): string {
  const cell = (value: number, base?: number) =>
    `${value.toFixed(0)}${base === undefined ? '' : ` (${(value / base).toFixed(2)}×)`}`.padEnd(16);
  const med = (v: number[]) => quantile(v, 0.5);
  const p95 = (v: number[]) => quantile(v, 0.95);
  return [
    label.padEnd(14),
    cell(med(run.firstFrame), floor && med(floor.firstFrame)),
    cell(p95(run.firstFrame), floor && p95(floor.firstFrame)),
    run.fps.toFixed(1).padEnd(8),
    cell(run.cpu, floor?.cpu),
    cell(med(run.latency), floor && med(floor.latency)),
    cell(p95(run.latency), floor && p95(floor.latency)),
  ].join('');
}

/** Several rounds as one: every first frame and latency sample, fps and CPU averaged. */
function pooled(runs: readonly Run[]): Run {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  return {
    firstFrame: sorted(runs.flatMap((r) => r.firstFrame)),
    fps: mean(runs.map((r) => r.fps)),
    cpu: mean(runs.map((r) => r.cpu)),
    latency: sorted(runs.flatMap((r) => r.latency)),
  };
}

async function onNewPage<T>(chromium: Chromium, task: (page: Page) => Promise<T>): Promise<T> {
  const page = await chromium.context.newPage();
  try {
    return await task(page);
  } finally {
    await page.close();
  }
}

/**
 * Prints the wall's first-frame time, fps, Chromium CPU and camera → frame latency beside bare janus.js, then how
 * long 16 tiles take to play again after Janus is killed. The station runs on the lab's Janus (as a remote Janus),
 * so the floor page can talk to that Janus directly — the wall goes through the station's door.
 */
export async function benchWall(lab: Lab): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-wall-'));
  const floorPort = await freePort();
  const station: E2EStation = await startStation(dataDir, await stationPorts(), [], lab.janus);
  const chromium = await launchChromium();
  try {
    const ids = Array.from({ length: 16 }, (_, i) => `cam-${i + 1}`);
    for (const [i, cameraId] of ids.entries()) {
      const camera = lab.cameras[i % lab.cameras.length];
      if (!camera) throw new Error('the bench lab has no camera');
      await station.addCamera(cameraId, cameraId, camera);
    }
    for (const tiles of TILE_COUNTS) {
      await station.call('/views', {
        method: 'POST',
        body: {
          view_id: `v${tiles}`,
          name: `${tiles} tiles`,
          layout: LAYOUT[tiles],
          tiles: ids.slice(0, tiles),
        },
      });
    }
    await installVideoProbe(chromium.context);
    // Sign in once: the session cookie serves every wall page of this browser.
    const signIn = await chromium.context.newPage();
    await signIn.goto(station.signInLink);
    await signIn.close();
    console.log(
      `Wall vs bare janus.js (floor), same mountpoints, same Chromium; ${ROUNDS} rounds each, taking turns; ` +
        `steady state over ${STEADY_MS / 1000} s`,
    );
    console.log('ratio = wall ÷ floor; goal ≤ 1.10');
    console.log(
      [
        'tiles / page'.padEnd(14),
        'first frame ms',
        '  p95',
        '           fps',
        '     CPU % core',
        '  latency ms',
        '      p95',
      ].join(''),
    );
    for (const tiles of TILE_COUNTS) {
      const floorRuns: Run[] = [];
      const wallRuns: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        floorRuns.push(await floorRun(chromium, station, ids.slice(0, tiles), floorPort, lab));
        wallRuns.push(await wallRun(chromium, station, tiles));
      }
      const floor = pooled(floorRuns);
      console.log(row(`${tiles} floor`, floor));
      console.log(row(`${tiles} wall`, pooled(wallRuns), floor));
    }
    await benchRecovery(chromium, lab);
  } finally {
    await chromium.close();
    await station.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The cameras' mountpoints and pins, as the station stored them (viewers never get pins; the floor is no viewer). */
async function mountpoints(dataDir: string, ids: string[]): Promise<{ id: number; pin: string }[]> {
  const stored = JSON.parse(await readFile(join(dataDir, 'cameras.json'), 'utf8')) as {
    cameras: { camera_id: string; mountpoint: { id: number; pin: string } }[];
  };
  return ids.map((cameraId) => {
    const camera = stored.cameras.find((c) => c.camera_id === cameraId);
    if (!camera) throw new Error(`no camera ${cameraId} in cameras.json`);
    return { id: camera.mountpoint.id, pin: camera.mountpoint.pin };
  });
}

/** One floor page playing `ids` with bare janus.js straight to Janus (mountpoints read before the clock starts). */
function floorRun(
  chromium: Chromium,
  station: E2EStation,
  ids: string[],
  floorPort: number,
  lab: Lab,
): Promise<Run> {
  return onNewPage(chromium, async (page) => {
    const tiles = await mountpoints(station.dataDir, ids);
    const floorPage = await openFloorPage(page, floorPort);
    try {
      return await measure(page, ids.length, () =>
        floorPage.start({ server: lab.janus.ws_url, apisecret: lab.janus.api_secret, tiles }),
      );
    } finally {
      await floorPage.close();
    }
  });
}

/** One fresh wall page choosing the view of `tiles` tiles. */
function wallRun(chromium: Chromium, station: E2EStation, tiles: number): Promise<Run> {
  return onNewPage(chromium, async (page) => {
    await openWall(page, station, `v${tiles}`);
    // The view is chosen from inside the page, as the floor page is started: page.selectOption first waits
    // for the select to be stable (animation frames and round trips; 58–85 ms from the mark to the change
    // event, measured), a cost of the test driver that only the wall would pay.
    return measure(page, tiles, () => page.evaluate(chooseView, `v${tiles}`));
  });
}
