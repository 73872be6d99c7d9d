// The seed's clients against a real station, in Chromium, from a page on its own origin (a portal, listed with
// --cors-origin): the seed README's VASJanusClient flow through the station's SDK, and bare janus.js with the
// `janus_url` /stream hands out, as given — both play through the station's Janus door, with no pin.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { StreamInfo } from '../../common/camera';
import { labCamera } from '../integration/janus/connect';
import { freePort } from '../lab/ports';
import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { openFloorPage } from './floor';
import { installVideoProbe, waitForVideos } from './probe';
import { servePages } from './serve-pages';
import { startStation, stationPorts, type E2EStation } from './station';

const lab = useLab({ cameras: 1, auth: 'digest' });

let dataDir: string;
let station: E2EStation;
let chromium: Chromium;
let portalPort: number;
let page: Page;
/** Every WebSocket the page opened. */
const sockets: string[] = [];
const door = () => `${station.baseUrl.replace(/^http/, 'ws')}/janus`;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-seed-'));
  portalPort = await freePort();
  station = await startStation(dataDir, await stationPorts(), [
    '--cors-origin',
    `http://127.0.0.1:${portalPort}`,
  ]);
  chromium = await launchChromium();
  await installVideoProbe(chromium.context);
  page = await chromium.context.newPage();
  page.on('websocket', (socket) => sockets.push(socket.url()));
});

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * A portal page running the seed README's "VAS Integration" example word for word, but for the key and the
 * addresses (read from the page's query): its outcome lands in `globalThis.seedFlow`.
 */
const SEED_PAGE = `<!doctype html><title>VAS portal</title>
<video id="video-player" muted autoplay playsinline></video>
<script type="module">
const query = new URLSearchParams(location.search);
const station = query.get('station');
try {
  const { VASJanusClient } = await import(station + '/sdk/vas-client.js');
  const janusClient = new VASJanusClient(station, { apiKey: query.get('key') });

  // Add a camera
  await janusClient.addCamera({
    camera_id: 'cam001',
    name: 'Lobby Camera',
    rtsp_url: query.get('rtsp_url'),
    username: query.get('username'),
    password: query.get('password'),
  });

  // Start streaming to video element
  const videoElement = document.getElementById('video-player');
  await janusClient.startCameraStream('cam001', videoElement);
  globalThis.seedFlow = 'started';
} catch (error) {
  globalThis.seedFlow = 'failed: ' + (error && error.message);
}
</script>`;

it("the seed README's flow (new VASJanusClient, addCamera, startCameraStream) plays through the station's SDK", async () => {
  const portal = await servePages({ '/': { type: 'text/html', body: SEED_PAGE } }, portalPort);
  try {
    const camera = labCamera(lab());
    const query = new URLSearchParams({
      station: station.baseUrl,
      key: station.manageKey,
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
    });
    await page.goto(`${portal.url}/?${query.toString()}`);
    const outcome = await page.waitForFunction(
      () => (globalThis as { seedFlow?: string }).seedFlow,
      undefined,
      {
        timeout: 20_000,
      },
    );
    expect(await outcome.jsonValue()).toBe('started');
    const [video] = await waitForVideos(page, 1, 20_000);
    expect(video?.width).toBe(640);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.startsWith(`${door()}?ticket=`)).toBe(true);
  } finally {
    await portal.close();
  }
});

it('bare janus.js plays a camera with the janus_url /stream hands out, as given: no pin, no token, no key', async () => {
  const info = (await (await station.call('/cameras/cam001/stream')).json()) as StreamInfo;
  expect(info).not.toHaveProperty('pin');
  const floor = await openFloorPage(page, portalPort);
  try {
    await floor.start({ server: info.janus_url, tiles: [{ id: info.stream_id }] });
    const [video] = await waitForVideos(page, 1, 20_000);
    expect(video?.width).toBe(640);
    expect(sockets.at(-1)).toBe(`${door()}?ticket=${info.ticket}`);
  } finally {
    await floor.close();
  }
});
