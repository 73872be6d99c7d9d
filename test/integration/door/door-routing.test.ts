// The door follows cameras across gateways, on real parts: two real Janus (the lab's, and a second one started
// here with its own config folder and ports), a real camera, two real stations (A on Janus 1, with the REST API
// and the door; B managing Janus 2), a table-driven placement (the cluster's real one is main/cluster's), and the
// wall's own player (janus.js) in Chromium playing through A's door. The camera is on Janus 2 first, then moves
// to Janus 1: the player is told, watches again through the door, and plays from Janus 1.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import pino from 'pino';
import type { Page } from 'playwright-core';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

import type { StreamInfo } from '../../../common/camera';
import { createRootLogger } from '../../../main/base/log';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import type { NativeGateway } from '../../../main/gateway/native-janus';
import { JanusAdmin } from '../../../main/janus';
import { Station } from '../../../main/station/station';
import { openCameraStore } from '../../../main/store/camera-store';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import type { TileStatus } from '../../../renderer/player/model';
import { bundlePage } from '../../e2e/bundle';
import { launchChromium, type Chromium } from '../../e2e/chromium';
import { servePages } from '../../e2e/serve-pages';
import { freePort } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import {
  addLabCameras,
  freshDataDir,
  labGateway,
  labNativeGateway,
  removeDataDir,
  startStation,
  TEST_TIMINGS,
  type RunningStation,
} from '../station/harness';
import { PlacementTable } from './placement-table';

const lab = useLab({ cameras: 1 });

let dataDirs: string[] = [];
let janus2: NativeGateway;
let table: PlacementTable;
let stationA: RunningStation;
let stationB: Station;
let chromium: Chromium;
let portal: { url: string; close(): Promise<void> };
let page: Page;
/** The WebSockets the page opened (the player keeps one to the door while cameras move). */
const sockets: string[] = [];
let mountpoint: number;

type PlayerPage = { play(cameraId: string): Promise<void>; statuses(): TileStatus[] };

/** The tile's statuses so far. */
function statuses(): Promise<TileStatus[]> {
  return page.evaluate(() => (globalThis as unknown as { playerPage: PlayerPage }).playerPage.statuses());
}

/** The first time the tile went live after `after` (ms epoch); throws after `timeoutMs`. */
async function liveAfter(after: number, timeoutMs: number): Promise<TileStatus> {
  return vi.waitFor(
    async () => {
      const live = (await statuses()).find((status) => status.state === 'live' && status.since >= after);
      if (live === undefined)
        throw new Error(`the tile is not live again: ${JSON.stringify(await statuses())}`);
      return live;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

/** How many viewers a Janus streams a mountpoint to: streaming handles on it whose PeerConnection is up. */
async function viewersOn(gateway: GatewayEndpoints, mountpointId: number): Promise<number> {
  const { urls, secrets, origin } = gateway;
  const admin = await JanusAdmin.connect({ url: urls.adminHttp, adminSecret: secrets.adminSecret, origin });
  try {
    let viewers = 0;
    for (const session of await admin.listSessions()) {
      for (const handle of await admin.listHandles(session)) {
        const info = await admin.handleInfo(session, handle).catch((): Record<string, unknown> => ({}));
        const plugin = (info.plugin_specific ?? {}) as Record<string, unknown>;
        const flags = (info.flags ?? {}) as Record<string, unknown>;
        if (plugin.mountpoint_id === mountpointId && flags['ready'] === true) viewers += 1;
      }
    }
    return viewers;
  } finally {
    await admin.close();
  }
}

beforeAll(async () => {
  dataDirs = [await freshDataDir(), await freshDataDir()];
  const [dirA = '', dirB = ''] = dataDirs;
  const logger = createRootLogger(
    { level: 'debug' },
    pino.destination({ dest: join(dirB, 'station.log'), sync: true, mkdir: true }),
  );
  janus2 = await labNativeGateway(dirB, logger);
  await janus2.start();
  const janus1 = labGateway(lab());
  table = new PlacementTable({ gw1: janus1, gw2: janus2.endpoints }, { lobby: 'gw2' });
  const portalPort = await freePort();
  stationA = await startStation(
    janus1,
    dirA,
    {},
    { placement: table.placementFor('gw1'), corsOrigins: [`http://127.0.0.1:${portalPort}`] },
  );
  await addLabCameras(stationA, lab(), ['lobby']);
  // Station B shares A's cameras (the cluster's shared store, here A's file read once) and manages Janus 2.
  stationB = await Station.start({
    dataDir: dirB,
    store: await openCameraStore({ dataDir: dirA, cipher: await createKeyFileCipher(dirA), logger }),
    gateway: janus2.endpoints,
    viewerUrl: stationA.doorUrl,
    logger,
    metrics: new Registry(),
    timings: TEST_TIMINGS,
    placement: table.placementFor('gw2'),
  });
  table.manage('gw1', stationA.station);
  table.manage('gw2', stationB);

  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.exposeFunction('streamInfo', async (cameraId: string) => {
    const response = await stationA.call(`/cameras/${cameraId}/stream`, { key: stationA.viewKey });
    return (await response.json()) as StreamInfo;
  });
  const script = await bundlePage(join(import.meta.dirname, '../../e2e/pages/player-page.ts'));
  portal = await servePages(
    {
      '/': {
        type: 'text/html',
        body: '<!doctype html><title>player</title><script type="module" src="/p.js"></script>',
      },
      '/p.js': { type: 'text/javascript', body: script },
    },
    portalPort,
  );
  await page.goto(portal.url);
  await page.waitForFunction(() => 'playerPage' in globalThis);
});

afterAll(async () => {
  await chromium.close();
  await portal.close();
  await stationB.stop({ removeMountpoints: true });
  await stationA.stop({ removeMountpoints: true });
  await janus2.stop();
  for (const dir of dataDirs) await removeDataDir(dir);
});

it('a camera on Janus 2 plays through the door from Janus 2; moved to Janus 1, the player watches again and plays from there', async () => {
  mountpoint = stationA.station.getCamera('lobby').stream_id;
  await vi.waitFor(
    () => {
      expect(stationB.getCamera('lobby').health.state).toBe('live');
    },
    { timeout: 30_000, interval: 250 },
  );
  // Station A holds no mountpoint for the camera: its viewers can only be played from Janus 2.
  expect(stationA.station.getCamera('lobby').health.state).toBe('live');
  const started = Date.now();
  await page.evaluate(() => (globalThis as unknown as { playerPage: PlayerPage }).playerPage.play('lobby'));
  const first = await liveAfter(started, 30_000);
  console.log(`camera on Janus 2: the player shows video ${first.since - started} ms after play`);
  expect(await viewersOn(janus2.endpoints, mountpoint)).toBe(1);
  expect(await viewersOn(labGateway(lab()), mountpoint)).toBe(0);

  const movedAt = Date.now();
  table.move('lobby', 'gw1');
  const again = await liveAfter(movedAt, 30_000);
  const between = (await statuses()).filter(
    (status) => status.since >= movedAt && status.since < again.since,
  );
  console.log(
    `camera moved Janus 2 → Janus 1: video again after ${again.since - movedAt} ms; the tile went ` +
      between
        .map((status) => `${status.state} (${status.reason ?? ''}) at +${status.since - movedAt} ms`)
        .join(', '),
  );
  // The player was told (the stream stopped) and re-watched: it went through reconnecting before live again.
  expect(between.map((status) => status.state)).toContain('reconnecting');
  expect(between[0]?.since ?? Infinity).toBeLessThan(movedAt + 1_000);
  expect(await viewersOn(labGateway(lab()), mountpoint)).toBe(1);
  await vi.waitFor(async () => {
    expect(await viewersOn(janus2.endpoints, mountpoint)).toBe(0);
  }, 5_000);
});

it('back on Janus 2 it plays from there; Janus 2 stopped, the player is told at once and plays from Janus 1 once the camera is placed there', async () => {
  const backAt = Date.now();
  table.move('lobby', 'gw2');
  const back = await liveAfter(backAt, 30_000);
  console.log(`camera moved Janus 1 → Janus 2: video again after ${back.since - backAt} ms`);
  expect(await viewersOn(janus2.endpoints, mountpoint)).toBe(1);

  const lostAt = Date.now();
  await janus2.stop();
  const told = await vi.waitFor(
    async () => {
      const after = (await statuses()).find((status) => status.since >= lostAt && status.state !== 'live');
      if (after === undefined) throw new Error('the tile was not told');
      return after;
    },
    { timeout: 5_000, interval: 50 },
  );
  // What the cluster does once the gateway's heartbeat expires: its cameras are placed on the others.
  await sleep(1_000);
  table.move('lobby', 'gw1');
  const again = await liveAfter(lostAt, 30_000);
  console.log(
    `Janus 2 stopped: the tile was told in ${told.since - lostAt} ms (${told.reason ?? ''}); the camera was ` +
      `placed on Janus 1 1 s later; video again ${again.since - lostAt} ms after the stop`,
  );
  expect(told.since - lostAt).toBeLessThan(1_000);
  expect(await viewersOn(labGateway(lab()), mountpoint)).toBe(1);
  // Through every move and the loss of Janus 2 the player kept its one connection to the door.
  expect(sockets).toHaveLength(1);
  expect(sockets[0]?.startsWith(`${stationA.doorUrl}?ticket=`)).toBe(true);
});
