// Issue 13 on the lab: a VAS-style script raises 100 alarms at once with 20 retries by external_id through a
// real `vigil serve` (bundled Janus, the lab's RTSP camera) → exactly 100 stored; kill -9 and restart → all there
// with their states and histories; a webhook receiver on 127.0.0.1 gets every event once with a valid signature,
// and while it is down its deliveries wait and arrive, in order, once it is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Alarm } from '../../../common/alarms';
import type { Webhook, WebhookDelivery } from '../../../common/webhooks';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { labCameraBody, serveStation, type ServedStation, type StationPorts } from '../audit/served-station';
import { startVigil } from '../cli/vigil-process';
import { eventually, until } from '../wait';
import { Receiver } from './receiver';

const lab = useLab({ cameras: 1 });
const SECRET = 'integration-shared-secret-0123';
let root: string;
let dataDir: string;
let ports: StationPorts;
let station: ServedStation;
let alarmKey: string;
let receiver: Receiver;
let hook: Webhook;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-alarms-'));
  dataDir = join(root, 'station');
  ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
  station = await serveStation(dataDir, ports);
  expect(
    (await station.call('/cameras', { method: 'POST', body: labCameraBody(lab(), 'gate') })).status,
  ).toBe(201);
  // The VAS's key may raise and read alarms, nothing else (made with the real CLI, as an operator would).
  const keys = startVigil([
    'keys',
    'create',
    '--data-dir',
    dataDir,
    '--name',
    'vas-portal',
    '--scope',
    'alarm',
  ]);
  alarmKey = (await keys.waitFor(/vigil_alarm_[A-Za-z0-9_-]{43}/))[0];
  receiver = new Receiver((await freePorts(['hook'] as const)).hook, SECRET);
  await receiver.start();
  const created = await station.call('/webhooks', {
    method: 'POST',
    body: { url: receiver.url, events: ['alarm.raised', 'alarm.updated'], secret: SECRET },
  });
  expect(created.status).toBe(201);
  hook = (await created.json()) as Webhook;
}, 120_000);

afterAll(async () => {
  station.vigil.kill();
  await receiver.stop();
  await rm(root, { recursive: true, force: true });
});

const raiseBody = (n: number) => ({
  camera_ids: ['gate'],
  severity: n % 10 === 0 ? 'critical' : 'warning',
  title: `Perimeter breach ${n}`,
  source: 'vas-portal',
  external_id: `vas-evt-${n}`,
});

async function allAlarms(): Promise<Alarm[]> {
  return (await (await station.call('/alarms?limit=1000')).json()) as Alarm[];
}

async function deliveries(): Promise<WebhookDelivery[]> {
  return (await (await station.call(`/webhooks/${hook.webhook_id}/deliveries`)).json()) as WebhookDelivery[];
}

describe('alarms from a VAS', () => {
  let beforeRestart: Alarm[];

  it('100 alarms raised at once with 20 retries by external_id: exactly 100 stored, each announced once', async () => {
    const requests = [
      ...Array.from({ length: 100 }, (_, n) => n),
      ...Array.from({ length: 20 }, (_, n) => n * 5),
    ].map((n) => station.call('/alarms', { method: 'POST', body: raiseBody(n), key: alarmKey }));
    const started = performance.now();
    const responses = await Promise.all(requests);
    const ms = performance.now() - started;
    expect(responses.map((r) => r.status)).toEqual(Array(120).fill(201));
    const answered = (await Promise.all(responses.map((r) => r.json()))) as Alarm[];
    expect(new Set(answered.map((a) => a.alarm_id)).size).toBe(100);
    // A retry answers the very alarm its first raise made.
    for (let i = 0; i < 20; i++) expect(answered[100 + i]?.alarm_id).toBe(answered[i * 5]?.alarm_id);
    const stored = await allAlarms();
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((a) => a.external_id)).size).toBe(100);
    expect(stored.every((a) => a.history[0]?.by === 'vas-portal')).toBe(true);
    console.log(`120 concurrent POST /alarms (20 retries) answered in ${ms.toFixed(0)} ms`);

    const raised = await until(
      () => Promise.resolve(receiver.received.filter((r) => r.event === 'alarm.raised')),
      (got) => got.length >= 100,
      30_000,
    );
    expect(raised).toHaveLength(100);
    expect(new Set(raised.map((r) => r.body.event.alarm?.alarm_id)).size).toBe(100);
    expect(new Set(raised.map((r) => r.deliveryId)).size).toBe(100);
    expect(raised.every((r) => r.signatureValid && r.deliveryId === r.body.delivery_id)).toBe(true);
  }, 120_000);

  it('the desk acknowledges and closes some (critical ones with a note); a closed alarm refuses more', async () => {
    const stored = await allAlarms();
    const pick = stored.slice(0, 10);
    for (const alarm of pick) {
      const acked = await station.call(`/alarms/${alarm.alarm_id}/acknowledge`, {
        method: 'POST',
        body: { note: 'guard sent' },
      });
      expect(acked.status).toBe(200);
    }
    for (const alarm of pick.slice(0, 5)) {
      expect(
        (await station.call(`/alarms/${alarm.alarm_id}/close`, { method: 'POST', body: {} })).status,
      ).toBe(200);
    }
    const closedId = pick[0]?.alarm_id ?? '';
    const again = await station.call(`/alarms/${closedId}/acknowledge`, {
      method: 'POST',
      body: { note: 'x' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { field: string } }).error.field).toBe('state');
    // The VAS's key cannot acknowledge, nor touch cameras.
    expect(
      (await station.call(`/alarms/${closedId}/close`, { method: 'POST', body: {}, key: alarmKey })).status,
    ).toBe(403);
    expect((await station.call('/cameras', { key: alarmKey })).status).toBe(403);
    const updated = await until(
      () => Promise.resolve(receiver.received.filter((r) => r.event === 'alarm.updated')),
      (got) => got.length >= 15,
      30_000,
    );
    expect(updated).toHaveLength(15);
    expect(updated.every((r) => r.signatureValid)).toBe(true);
    beforeRestart = await allAlarms();
    expect(beforeRestart.filter((a) => a.state === 'closed')).toHaveLength(5);
    expect(beforeRestart.filter((a) => a.state === 'acknowledged')).toHaveLength(5);
  }, 60_000);

  it('kill -9 and restart: every alarm is there with its state and history; retries still answer the first', async () => {
    process.kill(station.vigil.pid, 'SIGKILL');
    await station.vigil.exited;
    const started = performance.now();
    station = await serveStation(dataDir, ports);
    console.log(`station restarted after kill -9 in ${(performance.now() - started).toFixed(0)} ms`);
    expect(await allAlarms()).toEqual(beforeRestart);
    const retry = await station.call('/alarms', { method: 'POST', body: raiseBody(7), key: alarmKey });
    expect(((await retry.json()) as Alarm).alarm_id).toBe(
      beforeRestart.find((a) => a.external_id === 'vas-evt-7')?.alarm_id,
    );
    expect(await allAlarms()).toHaveLength(100);
  }, 90_000);

  it('a receiver that is down gets every delivery, once and in order, after it comes back', async () => {
    await receiver.stop();
    const before = receiver.received.length;
    const titles: string[] = [];
    for (let n = 0; n < 5; n++) {
      const response = await station.call('/alarms', {
        method: 'POST',
        body: { camera_ids: ['gate'], severity: 'info', title: `While the VAS is down ${n}` },
      });
      expect(response.status).toBe(201);
      titles.push(`While the VAS is down ${n}`);
    }
    // The first delivery is being retried (connection refused); the rest wait behind it.
    await eventually(async () => {
      const log = await deliveries();
      return log.some((d) => d.state === 'pending' && d.attempts >= 2 && d.error !== undefined)
        ? true
        : undefined;
    }, 20_000);
    const pending = (await deliveries()).filter((d) => d.state === 'pending');
    expect(pending).toHaveLength(5);
    expect(pending.find((d) => d.attempts >= 2)?.error).toMatch(/ECONNREFUSED/);
    const back = Date.now();
    await receiver.start();
    const got = await until(
      () => Promise.resolve(receiver.received.slice(before)),
      (list) => list.length >= 5,
      90_000,
    );
    console.log(`receiver back: 5 held deliveries arrived within ${(got.at(-1)?.at ?? back) - back} ms`);
    expect(got.map(titlesOf)).toEqual(titles);
    expect(got.every((r) => r.signatureValid)).toBe(true);
    // Exactly once: nothing more arrives, and the log says delivered.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.slice(before)).toHaveLength(5);
    expect((await deliveries()).filter((d) => d.state !== 'delivered')).toEqual([]);
  }, 150_000);
});

function titlesOf(received: { body: { event: { alarm?: unknown } } }): string {
  return (received.body.event.alarm as { title: string }).title;
}
