// Audio on the wall, on real parts: `vigil serve` (bundled Janus) with one lab camera sending Opus, one
// sending G.711 mu-law and one sending no audio, and Debian's Chromium, all in the lab namespace.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { labCamera } from '../integration/janus/connect';
import type { Lab } from '../lab';
import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { installPeerProbe, trackInbound, videoInbound } from './peers';
import { installVideoProbe, waitForVideos } from './probe';
import { startStation, stationPorts, type E2EStation } from './station';

const labs: Record<string, () => Lab> = {
  opus: useLab({ cameras: 1, auth: 'digest', audio: 'opus' }),
  pcmu: useLab({ cameras: 1, auth: 'digest', audio: 'pcmu' }),
  silent: useLab({ cameras: 1, auth: 'digest' }),
};
const CAMERAS = Object.keys(labs);

let dataDir: string;
let station: E2EStation;
let chromium: Chromium;
let page: Page;
const added = new Map<string, { audio?: unknown }>();

const video = (tile: number) => `[data-testid="tile-video-${tile}"]`;

/** Clicks a tile's audio button as an operator does: its actions show while the pointer is over the tile. */
async function toggleAudio(tile: number): Promise<void> {
  await page.hover(`[data-testid="tile-${tile}"]`);
  await page.click(`[data-testid="tile-audio-${tile}"]`);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-audio-'));
  station = await startStation(dataDir, await stationPorts());
  for (const [cameraId, lab] of Object.entries(labs)) {
    const camera = labCamera(lab());
    const response = await station.addCamera(cameraId, cameraId, camera);
    expect(response.status).toBe(201);
    added.set(cameraId, (await response.json()) as { audio?: unknown });
  }
  const view = await station.call('/views', {
    method: 'POST',
    body: { view_id: 'audio', name: 'Audio', layout: '2x2', tiles: [...CAMERAS, null] },
  });
  expect(view.status).toBe(201);
  chromium = await launchChromium();
  await installVideoProbe(chromium.context);
  await installPeerProbe(chromium.context);
  page = await chromium.context.newPage();
  await page.goto(station.signInLink);
  await page.waitForSelector('[data-testid="wall"]');
  await page.selectOption('[data-testid="view-select"]', 'audio');
  for (const [tile, cameraId] of CAMERAS.entries()) {
    await page.waitForSelector(
      `[data-testid="tile-${tile}"][data-camera-id="${cameraId}"][data-state="live"]`,
      {
        timeout: 30_000,
      },
    );
  }
});

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('audio on the wall', () => {
  it('the probe decides: audio for the Opus and G.711 cameras, none for the silent one', () => {
    expect(Object.fromEntries([...added].map(([id, camera]) => [id, camera.audio]))).toEqual({
      opus: true,
      pcmu: true,
      silent: false,
    });
  });

  it('every tile plays video, audio cameras and the silent one alike', async () => {
    const metrics = await waitForVideos(page, CAMERAS.length, 20_000);
    expect(metrics.map((m) => m.width)).toEqual(CAMERAS.map(() => 640));
    const before = await Promise.all(CAMERAS.map((_, i) => trackInbound(page, video(i), 'video')));
    await sleep(1_000);
    const after = await Promise.all(CAMERAS.map((_, i) => trackInbound(page, video(i), 'video')));
    after.forEach((stats, i) => {
      expect(stats.framesDecoded).toBeGreaterThan(before[i]?.framesDecoded ?? 0);
    });
    await page.screenshot({ path: join(import.meta.dirname, '../../test-results/wall-audio.png') });
  });

  it.each([
    ['opus', 0],
    ['pcmu', 1],
  ])('the %s tile starts muted; unmuted, its audio track receives sound', async (_camera, tile) => {
    expect((await videoInbound(page, video(tile))).muted).toBe(true);
    await toggleAudio(tile);
    expect((await videoInbound(page, video(tile))).muted).toBe(false);
    const before = await trackInbound(page, video(tile), 'audio');
    await sleep(2_000);
    const after = await trackInbound(page, video(tile), 'audio');
    expect(after.packetsReceived).toBeGreaterThan(before.packetsReceived);
    expect(after.totalSamplesReceived).toBeGreaterThan(before.totalSamplesReceived);
    // The lab camera's tone, not silence: its energy keeps adding up.
    expect(after.totalAudioEnergy).toBeGreaterThan(before.totalAudioEnergy);
    await toggleAudio(tile);
    expect((await videoInbound(page, video(tile))).muted).toBe(true);
  });

  it('the silent camera has no audio track and its audio button is disabled', async () => {
    const { tracks } = await videoInbound(page, video(2));
    expect(tracks.map((t) => t.kind)).toEqual(['video']);
    expect(await page.isDisabled('[data-testid="tile-audio-2"]')).toBe(true);
  });
});
