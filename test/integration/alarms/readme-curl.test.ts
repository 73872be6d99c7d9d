// The README's alarm, webhook and wall commands, run as written (curl in bash, each call failing on an HTTP
// error) against a real `vigil serve` on the lab. Only what cannot run as written is replaced: the station's URL,
// the ids the README shows as examples, and the hook URL (a receiver on 127.0.0.1, never vas.example).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Alarm } from '../../../common/alarms';
import type { Webhook } from '../../../common/webhooks';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { labCameraBody, serveStation, type ServedStation } from '../audit/served-station';
import { startVigil } from '../cli/vigil-process';
import { until } from '../wait';
import { Receiver } from './receiver';

const run = promisify(execFile);
const lab = useLab({ cameras: 1 });
let root: string;
let station: ServedStation;
let receiver: Receiver;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-alarms-readme-'));
  const dataDir = join(root, 'station');
  station = await serveStation(dataDir, await freePorts(['api', 'http', 'ws', 'admin'] as const));
  const camera = await station.call('/cameras', {
    method: 'POST',
    body: labCameraBody(lab(), 'entrance_cam'),
  });
  expect(camera.status).toBe(201);
  receiver = new Receiver((await freePorts(['hook'] as const)).hook, 'at-least-16-characters');
  await receiver.start();
}, 120_000);

afterAll(async () => {
  station.vigil.kill();
  await receiver.stop();
  await rm(root, { recursive: true, force: true });
});

/** The README's ```sh blocks under `## Alarms, webhooks and walls`, in order. */
async function shellBlocks(): Promise<string[]> {
  const readme = await readFile(join(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.split('\n## Alarms, webhooks and walls\n')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** Runs a block with bash -e, every curl failing on an HTTP error; skips key creation, exports and streams. */
async function runBlock(
  block: string,
  env: Record<string, string>,
  replace: [string, string][],
): Promise<string> {
  let script = block
    .split('\n')
    .filter((line) => !/^(npm exec|export )/.test(line) && !line.includes('curl -sN'))
    .join('\n');
  for (const [from, to] of replace) script = script.replaceAll(from, to);
  script = script.replaceAll(/^curl /gm, 'curl -fsS ');
  const { stdout } = await run('bash', ['-e', '-c', script], {
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return stdout;
}

it("the README's alarm, webhook and wall commands work as written", async () => {
  const [alarms, hooks, walls] = await shellBlocks();
  expect([alarms, hooks, walls].every((block) => block !== undefined && block.includes('curl'))).toBe(true);
  const keys = startVigil([
    'keys',
    'create',
    '--data-dir',
    join(root, 'station'),
    '--name',
    'vas-portal',
    '--scope',
    'alarm',
  ]);
  const vasKey = (await keys.waitFor(/vigil_alarm_[A-Za-z0-9_-]{43}/))[0];
  const env = { VIGIL_KEY: station.manageKey, VAS_KEY: vasKey };
  const base: [string, string] = ['http://127.0.0.1:3000', station.api];

  // The README raises with source + external_id: raised first here, its run answers this same alarm.
  const first = (await (
    await station.call('/alarms', {
      method: 'POST',
      key: vasKey,
      body: {
        camera_ids: ['entrance_cam'],
        severity: 'critical',
        title: 'Fence cut at gate 3',
        source: 'vas-portal',
        external_id: 'evt-20261202-0042',
      },
    })
  ).json()) as Alarm;
  const out = await runBlock(alarms ?? '', env, [base, ['alm_0193a2b4c5d6e7f80011', first.alarm_id]]);
  expect(out).toContain(first.alarm_id);
  const after = (await (await station.call(`/alarms/${first.alarm_id}`)).json()) as Alarm;
  expect(after.history.map((h) => h.action)).toEqual(['raised', 'acknowledged', 'snoozed', 'closed']);
  expect(after.history[1]).toMatchObject({ action: 'acknowledged', note: 'Guard sent' });
  expect((await (await station.call('/alarms')).json()) as Alarm[]).toHaveLength(1);

  // Webhooks: the README's hook goes to the local receiver; the id it lists and deletes is one made here.
  const made = (await (
    await station.call('/webhooks', {
      method: 'POST',
      body: { url: receiver.url, events: ['alarm.raised'], secret: 'at-least-16-characters' },
    })
  ).json()) as Webhook;
  await runBlock(hooks ?? '', env, [
    base,
    ['https://vas.example/vigil-hook', receiver.url],
    ['whk_0123456789abcdef', made.webhook_id],
  ]);
  const left = (await (await station.call('/webhooks')).json()) as Webhook[];
  expect(left.map((h) => h.url)).toEqual([receiver.url]);
  expect(left[0]?.webhook_id).not.toBe(made.webhook_id);
  await station.call('/alarms', {
    method: 'POST',
    body: { camera_ids: ['entrance_cam'], severity: 'info', title: 'Hook check' },
  });
  const got = await until(
    () => Promise.resolve(receiver.received),
    (list) => list.length >= 1,
    15_000,
  );
  expect(got.map((r) => [r.event, r.signatureValid])).toEqual([['alarm.raised', true]]);

  // Walls: a wall named desk-1-left listens; the README's push reaches it.
  const stream = await fetch(`${station.api}/events?wall=desk-1-left`, {
    headers: { authorization: `Bearer ${station.manageKey}` },
  });
  const reader = stream.body?.getReader();
  const wallOut = await runBlock(walls ?? '', env, [base]);
  expect(wallOut).toContain('"desk-1-left"');
  let text = '';
  const decoder = new TextDecoder();
  for (let i = 0; i < 50 && !text.includes('event: wall.show'); i++) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    text += decoder.decode(chunk.value as Uint8Array);
  }
  await reader?.cancel();
  expect(text).toContain('"camera_id":"entrance_cam"');
}, 120_000);
