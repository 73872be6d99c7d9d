import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { JanusAdmin, JanusConnection } from '../../main/janus';
import { labCamera } from '../integration/janus/connect';
import { useLab } from '../lab/vitest';
import { launchChromium, type Chromium } from './chromium';
import { openFloorPage, type FloorPage } from './floor';

const lab = useLab({ cameras: 4, auth: 'digest' });
let chromium: Chromium;
let floor: FloorPage;
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
  floor = await openFloorPage(await chromium.context.newPage());
});

afterAll(async () => {
  await floor.close();
  await chromium.close();
  await connection.close();
});

it('real Chromium decodes 16 mountpoints of the lab through bare janus.js (WebRTC works in the lab)', async () => {
  await floor.start({ server: lab().janus.ws_url, token, tiles });
  const deadline = Date.now() + 20_000;
  let metrics = await floor.metrics();
  while (Date.now() < deadline && !metrics.every((t) => t.width > 0 && t.frames > 10)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    metrics = await floor.metrics();
  }
  expect(metrics).toHaveLength(16);
  for (const tile of metrics) expect(tile.width).toBe(640);
  const before = metrics.map((t) => t.frames);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = (await floor.metrics()).map((t) => t.frames);
  after.forEach((frames, i) => {
    expect(frames).toBeGreaterThan(before[i] ?? 0);
  });
  expect((await floor.metrics()).some((t) => t.latenciesMs.length > 0)).toBe(true);
});
