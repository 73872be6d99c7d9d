// The VAS SDK as an integrator uses it: the example portal page, on its own origin (listed with
// --cors-origin), loads the SDK from the station, plays a camera through the station's Janus door and stops
// cleanly.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { runVigil } from '../integration/cli/vigil-process';
import { labCamera } from '../integration/janus/connect';
import { freePort } from '../lab/ports';
import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { installPeerProbe, peerCount } from './peers';
import { installVideoProbe, waitForVideos } from './probe';
import { servePages } from './serve-pages';
import { startStation, stationPorts, type E2EStation } from './station';

const lab = useLab({ cameras: 1, auth: 'digest' });
const EXAMPLE = join(import.meta.dirname, '../../examples/portal');

let dataDir: string;
let station: E2EStation;
let chromium: Chromium;
let portal: { url: string; close(): Promise<void> };
let page: Page;
let viewKey: string;
/** Every WebSocket the page opened. */
const sockets: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-sdk-'));
  const portalPort = await freePort();
  station = await startStation(dataDir, await stationPorts(), [
    '--cors-origin',
    `http://127.0.0.1:${portalPort}`,
  ]);
  const camera = labCamera(lab());
  const added = await station.addCamera('lobby', 'Lobby', camera);
  expect(added.status).toBe(201);
  const created = await runVigil([
    'keys',
    'create',
    '--name',
    'portal',
    '--scope',
    'view',
    '--data-dir',
    dataDir,
  ]);
  viewKey = /vigil_view_[A-Za-z0-9_-]+/.exec(created.stdout)?.[0] ?? '';
  expect(viewKey).not.toBe('');
  portal = await servePages(
    {
      '/': { type: 'text/html', body: await readFile(join(EXAMPLE, 'index.html'), 'utf8') },
      '/portal.js': { type: 'text/javascript', body: await readFile(join(EXAMPLE, 'portal.js'), 'utf8') },
    },
    portalPort,
  );
  chromium = await launchChromium();
  await installVideoProbe(chromium.context);
  await installPeerProbe(chromium.context);
  page = await chromium.context.newPage();
  page.on('websocket', (socket) => sockets.push(socket.url()));
});

afterAll(async () => {
  await chromium.close();
  await portal.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('the example portal page plays a station camera through the SDK and stops cleanly', async () => {
  await page.goto(`${portal.url}/?station=${encodeURIComponent(station.baseUrl)}`);
  await page.fill('[data-testid="portal-key"]', viewKey);
  await page.click('[data-testid="portal-connect"]');
  await page.waitForSelector('[data-testid="portal-camera-select"] option[value="lobby"]', {
    state: 'attached',
  });
  await page.selectOption('[data-testid="portal-camera-select"]', 'lobby');
  await page.click('[data-testid="portal-play"]');
  const [video] = await waitForVideos(page, 1, 20_000);
  expect(video?.width).toBe(640);
  // Through the door: the station's own port, never Janus's.
  expect(sockets).toHaveLength(1);
  expect(sockets[0]?.startsWith(`${station.baseUrl.replace(/^http/, 'ws')}/janus?ticket=`)).toBe(true);

  await page.click('[data-testid="portal-stop"]');
  const peers = () => peerCount(page);
  const deadline = Date.now() + 5_000;
  while ((await peers()).open > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const after = await peers();
  expect(after.total).toBeGreaterThan(0);
  expect(after.open).toBe(0);
  expect(
    await page.evaluate(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { srcObject: unknown } | null } }
        ).document.querySelector('[data-testid="portal-video"]')?.srcObject ?? null,
    ),
  ).toBeNull();
});
