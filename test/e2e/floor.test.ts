import { randomBytes } from 'node:crypto';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { JanusAdmin, JanusConnection } from '../../main/janus';
import { labCamera } from '../integration/janus/connect';
import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { openFloorPage, type FloorPage } from './floor';
import { installVideoProbe, markVideos, videoMetrics, waitForVideos } from './probe';

const lab = useLab({ cameras: 4, auth: 'digest' });
let chromium: Chromium;
let floor: FloorPage;
let page: Page;
let connection: JanusConnection;
const tiles: { id: number; pin: string }[] = [];
const token = randomBytes(16).toString('hex');

beforeAll(async () => {
  connection = await JanusConnection.connect({
    url: lab().janus.ws_url,
    apiSecret: lab().janus.api_secret,
    origin: lab().janus.allow_origin,
  });
  const session = await connection.createSession();
  const streaming = await session.attachStreaming({ adminKey: lab().janus.streaming_admin_key });
  for (let i = 0; i < 16; i++) {
    const camera = labCamera(lab(), i % 4);
    const pin = randomBytes(6).toString('hex');
    const created = await streaming.create({
      type: 'rtsp',
      url: camera.url,
      rtsp_user: camera.username,
      rtsp_pwd: camera.password,
      video: true,
      audio: false,
      videobufferkf: true,
      secret: randomBytes(8).toString('hex'),
      pin,
    });
    tiles.push({ id: Number(created.id), pin });
  }
  // A viewer's token, scoped to the streaming plugin, as the station issues them.
  const admin = await JanusAdmin.connect({
    url: lab().janus.admin_url,
    adminSecret: lab().janus.admin_secret,
    origin: lab().janus.allow_origin,
  });
  await admin.addToken(token, ['janus.plugin.streaming']);
  await admin.close();
  chromium = await launchChromium();
  await installVideoProbe(chromium.context);
  page = await chromium.context.newPage();
  floor = await openFloorPage(page);
});

afterAll(async () => {
  await floor.close();
  await chromium.close();
  await connection.close();
});

it('real Chromium decodes 16 mountpoints of the lab through bare janus.js (WebRTC works in the lab)', async () => {
  await markVideos(page);
  await floor.start({ server: lab().janus.ws_url, token, tiles });
  const metrics = await waitForVideos(page, 16);
  expect(metrics).toHaveLength(16);
  for (const video of metrics) expect(video.width).toBe(640);
  const before = metrics.map((m) => m.frames);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = (await videoMetrics(page)).map((m) => m.frames);
  after.forEach((frames, i) => {
    expect(frames).toBeGreaterThan(before[i] ?? 0);
  });
  // The lab camera's timecode strip reads back in the page: camera → decoded-frame latency is measurable.
  expect((await videoMetrics(page)).some((m) => m.latenciesMs.length > 0)).toBe(true);
});
