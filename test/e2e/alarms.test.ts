// The alarm desk on real parts: `vigil serve` (bundled Janus), the lab's cameras and two walls in Debian's
// Chromium, all in the lab namespace. A VAS-style `POST /alarms` takes both walls over (the camera live on the
// hotspot tile, the alarm in the list, the prompt); an acknowledgement with a note on one wall reaches the
// other; `POST /walls/{name}/show` switches the named wall only. Screenshots go to test-results/alarms/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { labCamera } from '../integration/janus/connect';
import { useLab } from '../lab/vitest';
import {
  installAlarmProbe,
  raiseAlarm,
  readAlarmOnWall,
  replayVideo,
  seen,
  shownView,
  watchFor,
} from './alarm-desk';
import { launchChromium, type Chromium } from './chromium';
import { startStation, stationPorts, type E2EStation } from './station';

const lab = useLab({ cameras: 2, auth: 'digest' });
const RESULTS = join(import.meta.dirname, '../../test-results/alarms');
/** What the issue asks: the wall shows the alarm within a second of `POST /alarms`. */
const WITHIN_MS = 1_000;
/** What the issue asks of the picture too: the camera plays on the hotspot within that second. */
const LIVE_WITHIN_MS = 1_000;

let dataDir: string;
let station: E2EStation;
let chromium: Chromium;
/** Two walls of one desk: the operator's left screen and the right one. */
let left: Page;
let right: Page;
/** The first test's alarm, acknowledged by the second. */
let yardAlarm = '';

async function openWall(name: string): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(`${station.baseUrl}/?wall=${name}`);
  await page.waitForSelector('[data-testid="wall"]');
  await page.selectOption('[data-testid="view-select"]', 'desk');
  await vi.waitFor(async () => {
    expect(await page.getAttribute('[data-testid="tile-0"]', 'data-state')).toBe('live');
  }, 30_000);
  return page;
}

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-e2e-alarms-'));
  station = await startStation(dataDir, await stationPorts());
  const cameras: [string, string, number][] = [
    ['gate', 'Main gate', 0],
    ['lobby', 'Lobby', 1],
    ['yard', 'Yard (not on the wall)', 0],
  ];
  for (const [id, name, index] of cameras) {
    const { url, username, password } = labCamera(lab(), index);
    // The gate records, so its alarms replay the seconds before them.
    const recording = id === 'gate' ? { recording: { mode: 'continuous', retention_hours: 1 } } : {};
    const body = { camera_id: id, name, rtsp_url: url, username, password, ...recording };
    expect((await station.call('/cameras', { method: 'POST', body })).status).toBe(201);
  }
  for (const view of [
    { view_id: 'desk', name: 'Desk', layout: '2x2', tiles: ['gate', 'lobby', null, null] },
    { view_id: 'overview', name: 'Overview', layout: '1', tiles: ['lobby'] },
  ]) {
    expect((await station.call('/views', { method: 'POST', body: view })).status).toBe(201);
  }
  chromium = await launchChromium();
  await installAlarmProbe(chromium.context);
  const signIn = await chromium.context.newPage();
  await signIn.goto(station.signInLink);
  await signIn.waitForSelector('[data-testid="wall"]');
  await signIn.close();
  left = await openWall('desk-1-left');
  right = await openWall('desk-1-right');
});

afterAll(async () => {
  await chromium.close();
  await station.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the alarm desk, on real parts', () => {
  it('an alarm on a camera the wall does not show: within 1 s it is on the hotspot, listed and prompted, then live', async () => {
    await Promise.all([watchFor(left, 'yard'), watchFor(right, 'yard')]);
    const raised = await raiseAlarm(station, {
      camera_ids: ['yard'],
      severity: 'warning',
      title: 'Person in the yard after hours',
      description: 'Line crossing, east fence',
      source: 'vas-e2e',
      external_id: 'yard-1',
      occurred_at: new Date().toISOString(),
    });
    expect(raised.status).toBe(201);
    yardAlarm = raised.alarmId;
    const [onLeft, onRight] = await Promise.all([seen(left, 10_000), seen(right, 10_000)]);
    expect([onLeft.alarmId, onRight.alarmId]).toEqual([raised.alarmId, raised.alarmId]);
    const [leftMs, rightMs] = [onLeft.shownAt - raised.sentAt, onRight.shownAt - raised.sentAt];
    const [leftLive, rightLive] = [onLeft.at - raised.sentAt, onRight.at - raised.sentAt];
    console.info(
      `unplaced camera on the hotspot, listed, prompted: left ${leftMs} ms, right ${rightMs} ms; ` +
        `live: left ${leftLive} ms, right ${rightLive} ms`,
    );
    expect(leftMs).toBeLessThanOrEqual(WITHIN_MS);
    expect(rightMs).toBeLessThanOrEqual(WITHIN_MS);
    expect(Math.max(leftLive, rightLive)).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    // The wall it replaced keeps its cameras beside the hotspot.
    expect(await left.getAttribute('[data-testid="wall"]', 'data-layout')).toBe('1+5');
    expect(await left.getAttribute('[data-testid="tile-1"]', 'data-camera-id')).toBe('gate');
    expect(await left.getAttribute('[data-testid="alarm-prompt"]', 'data-cue')).toBe('played');
    expect(await left.getAttribute('[data-testid="alarm-replay"]', 'data-state')).toBe('none');
    await left.setViewportSize({ width: 1920, height: 1080 });
    await left.screenshot({ path: join(RESULTS, 'warning-unplaced-1920x1080.png') });
  });

  it('acknowledging it with a note on one wall updates the list and ends the prompt on the other', async () => {
    const alarmId = yardAlarm;
    // The desk asks for the operator's name once, in the prompt.
    await left.fill('[data-testid="alarm-prompt"] [data-testid="alarm-operator"]', 'Ana Lima');
    await left.fill(
      '[data-testid="alarm-prompt"] [data-testid="alarm-note"]',
      'Guard sent to the east fence',
    );
    await left.click('[data-testid="alarm-prompt"] [data-testid="alarm-ack"]');
    await vi.waitFor(async () => {
      const seen = await readAlarmOnWall(right, alarmId);
      expect(seen.rowState).toBe('acknowledged');
      expect(seen.promptFor).toBeNull();
      // Nothing waits any more: the wall comes back as it was.
      expect(seen.tileCamera).toBe('gate');
    }, 5_000);
    expect(await right.textContent(`[data-testid="alarm-row-${alarmId}"]`)).toContain(
      'acknowledged by Ana Lima',
    );
    await right.click(`[data-testid="alarm-row-${alarmId}"] button`);
    expect(await right.textContent('[data-testid="alarm-notes"]')).toContain('Guard sent to the east fence');
    expect(await right.getAttribute('[data-testid="wall"]', 'data-layout')).toBe('2x2');
    const stored = (await (await station.call(`/alarms/${alarmId}`)).json()) as {
      state: string;
      history: { by: string; note?: string }[];
    };
    expect(stored.state).toBe('acknowledged');
    expect(stored.history.at(-1)).toMatchObject({ by: 'Ana Lima', note: 'Guard sent to the east fence' });
  });

  it('a critical alarm on a camera the wall shows moves it to the hotspot and is not dismissed without a note', async () => {
    await watchFor(left, 'lobby');
    const raised = await raiseAlarm(station, {
      camera_ids: ['lobby'],
      severity: 'critical',
      title: 'Panic button pressed at reception',
      source: 'vas-e2e',
      external_id: 'lobby-1',
    });
    expect(raised.status).toBe(201);
    const onLeft = await seen(left, 10_000);
    expect(onLeft.alarmId).toBe(raised.alarmId);
    console.info(
      `placed camera on the hotspot, listed, prompted: ${onLeft.shownAt - raised.sentAt} ms; live ${onLeft.at - raised.sentAt} ms`,
    );
    expect(onLeft.shownAt - raised.sentAt).toBeLessThanOrEqual(WITHIN_MS);
    expect(onLeft.at - raised.sentAt).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    // Played once: moved from its tile, not shown twice.
    expect(await left.locator('[data-testid^="tile-"][data-camera-id="lobby"]').count()).toBe(1);
    const ack = '[data-testid="alarm-prompt"] [data-testid="alarm-ack"]';
    expect(await left.isDisabled(ack)).toBe(true);
    expect(await left.getAttribute(ack, 'title')).toBe('A critical alarm needs a note');
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await left.setViewportSize({ width, height });
      await left.screenshot({ path: join(RESULTS, `critical-placed-${width}x${height}.png`) });
    }
    await left.setViewportSize({ width: 1920, height: 1080 });
    await left.fill(
      '[data-testid="alarm-prompt"] [data-testid="alarm-note"]',
      'Called reception: false alarm',
    );
    expect(await left.isDisabled(ack)).toBe(false);
    await left.click(ack);
    await vi.waitFor(async () => {
      expect((await readAlarmOnWall(right, raised.alarmId)).rowState).toBe('acknowledged');
    }, 5_000);
  });

  it('POST /walls/{name}/show switches the named wall only: a camera on its hotspot, then a saved view', async () => {
    const walls = (await (await station.call('/walls')).json()) as { name: string }[];
    expect(walls.map((w) => w.name).sort()).toEqual(['desk-1-left', 'desk-1-right']);
    const pushed = await station.call('/walls/desk-1-right/show', {
      method: 'POST',
      body: { camera_id: 'yard' },
    });
    expect(pushed.status).toBe(202);
    await vi.waitFor(async () => {
      const seen = await readAlarmOnWall(right, '');
      expect([seen.tileCamera, seen.tileState]).toEqual(['yard', 'live']);
    }, 5_000);
    expect(await left.getAttribute('[data-testid="tile-0"]', 'data-camera-id')).toBe('gate');
    await right.screenshot({ path: join(RESULTS, 'pushed-camera-1920x1080.png') });
    const view = await station.call('/walls/desk-1-right/show', {
      method: 'POST',
      body: { view_id: 'overview' },
    });
    expect(view.status).toBe(202);
    await vi.waitFor(async () => {
      expect(await shownView(right)).toBe('overview');
    }, 5_000);
    expect(await shownView(left)).toBe('desk');
    const nobody = await station.call('/walls/desk-9/show', {
      method: 'POST',
      body: { view_id: 'overview' },
    });
    expect(nobody.status).toBe(404);
  });

  it('an alarm on a recording camera replays the seconds before it beside the live picture', async () => {
    // The recorder writes ~4 s segments: wait until what it wrote reaches back 12 s (the replay's 10 s and more).
    await vi.waitFor(
      async () => {
        const to = new Date().toISOString();
        const from = new Date(Date.now() - 120_000).toISOString();
        const timeline = (await (
          await station.call(`/cameras/gate/recordings?from=${from}&to=${to}`)
        ).json()) as {
          spans?: { start: string; end: string }[];
        };
        const first = timeline.spans?.[0];
        expect(first && Date.now() - Date.parse(first.start)).toBeGreaterThan(12_000);
      },
      { timeout: 60_000, interval: 1_000 },
    );
    await watchFor(left, 'gate');
    const raised = await raiseAlarm(station, {
      camera_ids: ['gate'],
      severity: 'info',
      title: 'Vehicle at the gate',
      source: 'vas-e2e',
      occurred_at: new Date(Date.now() - 2_000).toISOString(),
    });
    expect(raised.status).toBe(201);
    expect((await seen(left, 10_000)).alarmId).toBe(raised.alarmId);
    const began = Date.now();

    await vi.waitFor(async () => {
      const replay = '[data-testid="alarm-replay"]';
      expect(
        `${await left.getAttribute(replay, 'data-state')} ${await left.getAttribute(replay, 'data-phase')}`,
      ).toMatch(/^playing /);
      const video = await replayVideo(left);
      expect(video.width).toBeGreaterThan(0);
      expect(video.seconds).toBeGreaterThan(0.5);
    }, 45_000);
    console.info(`pre-alarm replay decoding ${Date.now() - began} ms after the prompt showed`);
    await left.screenshot({ path: join(RESULTS, 'pre-alarm-replay-1920x1080.png') });
    await left.click('[data-testid="alarm-prompt"] [data-testid="alarm-close"]');
    await vi.waitFor(async () => {
      expect(await left.locator('[data-testid="alarm-prompt"]').count()).toBe(0);
    }, 5_000);
  }, 120_000);
});
