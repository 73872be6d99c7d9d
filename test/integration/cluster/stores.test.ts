// Cluster mode's shared stores end to end: a real nats-server with JetStream, two real `vigil serve --cluster`
// stations on the lab's Janus, the REST API on 127.0.0.1. Cameras are added disabled and unprobed, so the two
// stations never compete for mountpoints (placement is another slice's).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kvm } from '@nats-io/kv';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStationStores } from '../../../main/store/station-stores';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { runVigil, startVigil, cleanEnv, type VigilProcess } from '../cli/vigil-process';
import { until } from '../wait';
import { startNatsServer, type NatsServer } from './nats-server';

const lab = useLab({ cameras: 1 });
const running: VigilProcess[] = [];
let root: string;
let nats: NatsServer;
let keyFile: string;
let manageKey: string;
let stationA: string;
let stationB: string;

/** `vigil serve --cluster` on the lab's Janus; resolves with its API URL once it runs. */
async function startClusterStation(
  name: string,
  clusterKey = keyFile,
): Promise<VigilProcess & { api: string }> {
  const { janus } = lab();
  const { api } = await freePorts(['api']);
  const vigil = startVigil(
    [
      'serve',
      ...['--data-dir', join(root, name), '--port', String(api)],
      ...['--janus-http-url', janus.http_url, '--janus-ws-url', janus.ws_url],
      ...['--janus-admin-url', janus.admin_url, '--janus-origin', janus.allow_origin],
      ...['--cluster', nats.url, '--cluster-key', clusterKey],
    ],
    cleanEnv({
      JANUS_API_SECRET: janus.api_secret,
      JANUS_ADMIN_SECRET: janus.admin_secret,
      JANUS_STREAMING_ADMIN_KEY: janus.streaming_admin_key,
    }),
  );
  running.push(vigil);
  return Object.assign(vigil, { api: `http://127.0.0.1:${api}` });
}

async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${manageKey}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function cameraBody(cameraId: string): Record<string, unknown> {
  const camera = lab().cameras[0];
  return {
    camera_id: cameraId,
    name: `Camera ${cameraId}`,
    rtsp_url: camera?.url ?? 'rtsp://127.0.0.1:8554/cam1',
    username: camera?.username ?? '',
    password: camera?.password ?? '',
    enabled: false,
    skip_probe: true,
  };
}

/** Collects a station's SSE events (`GET /events`) until `stop()`. */
async function collectEvents(
  base: string,
): Promise<{ events: { type: string; camera_id?: string; view_id?: string }[]; stop(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${base}/events`, {
    headers: { authorization: `Bearer ${manageKey}` },
    signal: abort.signal,
  });
  const reader: ReadableStreamDefaultReader<Uint8Array> =
    response.body?.getReader() ?? expect.fail('no event stream');
  const events: { type: string }[] = [];
  const decoder = new TextDecoder();
  let pending = '';
  const read = async (): Promise<void> => {
    for (;;) {
      const { done, value }: { done: boolean; value?: Uint8Array } = await reader.read();
      if (done) return;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines)
        if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as { type: string });
    }
  };
  read().catch(() => undefined);
  return {
    events,
    stop: () => {
      abort.abort();
    },
  };
}

async function cameraIds(base: string): Promise<string[]> {
  const { body } = await call(base, '/cameras');
  return (body as { camera_id: string }[]).map((c) => c.camera_id);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-cluster-stores-'));
  nats = await startNatsServer();
  keyFile = join(root, 'cluster.key');
  const init = await runVigil(['cluster', 'init', '--key-file', keyFile]);
  expect(init.code, init.stderr).toBe(0);
  const a = await startClusterStation('a');
  await a.waitFor(/Vigil station is running/, 60_000);
  manageKey = (await readFile(join(root, 'a', 'manage.key'), 'utf8')).trim();
  const b = await startClusterStation('b');
  await b.waitFor(/Vigil station is running/, 60_000);
  [stationA, stationB] = [a.api, b.api];
}, 150_000);

afterAll(async () => {
  for (const vigil of running.splice(0)) vigil.kill();
  await nats.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('cluster stores (two stations on one NATS)', () => {
  it('shares the API keys: the manage key station A minted works on station B', async () => {
    expect((await call(stationB, '/cameras')).status).toBe(200);
  });

  it("manages the cluster's keys with vigil keys --cluster: created, listed, and revoked on every station", async () => {
    const cluster = ['--cluster', nats.url, '--cluster-key', keyFile, '--data-dir', join(root, 'cli')];
    const created = await runVigil(['keys', 'create', '--name', 'desk', '--scope', 'view', ...cluster]);
    expect(created.code, created.stderr).toBe(0);
    const key = /^ {2}(vigil_view_\S+)$/m.exec(created.stdout)?.[1] ?? expect.fail('no key printed');
    const id = /key_[0-9a-f]{16}/.exec(created.stdout)?.[0] ?? expect.fail('no key id printed');
    const viewOn = (base: string) =>
      fetch(`${base}/cameras`, { headers: { authorization: `Bearer ${key}` } });
    expect(
      (
        await until(
          () => viewOn(stationB),
          (r) => r.status === 200,
          2_000,
        )
      ).status,
    ).toBe(200);
    const listed = await runVigil(['keys', 'list', ...cluster]);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).not.toContain(key);
    expect((await runVigil(['keys', 'revoke', id, ...cluster])).code).toBe(0);
    expect(
      (
        await until(
          () => viewOn(stationA),
          (r) => r.status === 401,
          2_000,
        )
      ).status,
    ).toBe(401);
  });

  it('signs a browser in on B with a link vigil signin-link --cluster wrote into the cluster', async () => {
    const cluster = ['--cluster', nats.url, '--cluster-key', keyFile, '--data-dir', join(root, 'cli')];
    const printed = await runVigil(['signin-link', '--url', stationB, ...cluster]);
    expect(printed.code, printed.stderr).toBe(0);
    const link =
      /^ {2}(http:\/\/\S+\?token=[\w-]+)$/m.exec(printed.stdout)?.[1] ?? expect.fail('no link printed');
    const signIn = await until(
      () => fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } }),
      (response) => response.status === 303,
      2_000,
    );
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? expect.fail('no session cookie');
    expect((await fetch(`${stationB}/cameras`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } })).status).toBe(401);
  });

  it('lists on B a camera added on A within 1 s', async () => {
    const added = await call(stationA, '/cameras', { method: 'POST', body: cameraBody('lobby') });
    expect(added.status).toBe(201);
    const start = Date.now();
    const seen = await until(
      () => call(stationB, '/cameras/lobby'),
      (answer) => answer.status === 200,
      2_000,
      20,
    );
    const elapsed = Date.now() - start;
    console.log(`camera added on A → listed by B in ${elapsed} ms`);
    expect(seen.status).toBe(200);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('announces on B (SSE) the cameras and views changed on A, and B reconciles them', async () => {
    const onA = await collectEvents(stationA);
    const onB = await collectEvents(stationB);
    const seenOn = (station: typeof onA): string[] =>
      station.events.map((e) => `${e.type} ${e.camera_id ?? e.view_id ?? ''}`);
    try {
      expect((await call(stationA, '/cameras', { method: 'POST', body: cameraBody('sse-cam') })).status).toBe(
        201,
      );
      const patched = await call(stationA, '/cameras/sse-cam', {
        method: 'PATCH',
        body: { name: 'Renamed' },
      });
      expect(patched.status).toBe(200);
      const view = { view_id: 'sse-view', name: 'SSE', layout: '1', tiles: ['sse-cam'] };
      expect((await call(stationA, '/views', { method: 'POST', body: view })).status).toBe(201);
      expect((await call(stationA, '/cameras/sse-cam', { method: 'DELETE' })).status).toBe(200);
      const wanted = [
        'camera.added sse-cam',
        'camera.updated sse-cam',
        'view.added sse-view',
        'camera.removed sse-cam',
      ];
      const seen = await until(
        () => Promise.resolve(seenOn(onB)),
        (list) => wanted.every((w) => list.includes(w)),
        5_000,
      );
      expect(seen).toEqual(expect.arrayContaining(wanted));
      // A's removal took the camera out of the view; B hears that too and lists the emptied view.
      const emptied = await until(
        () => call(stationB, '/views/sse-view'),
        (answer) => (answer.body as { tiles?: unknown[] }).tiles?.[0] === null,
        5_000,
      );
      expect(emptied.body).toMatchObject({ tiles: [null] });
      expect((await call(stationB, '/cameras/sse-cam')).status).toBe(404);
      // Each change is announced once on each station: A does not hear its own writes back as another's.
      for (const station of [onA, onB]) {
        const once = wanted.map((w) => seenOn(station).filter((e) => e === w).length);
        expect(once).toEqual(wanted.map(() => 1));
      }
    } finally {
      onA.stop();
      onB.stop();
    }
  });

  it('decides 50 concurrent adds of 25 ids over two stations: 25 × 201, 25 × 409, no duplicates', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `race-${i}`);
    const answers = await Promise.all(
      ids.flatMap((id) =>
        [stationA, stationB].map((base) => call(base, '/cameras', { method: 'POST', body: cameraBody(id) })),
      ),
    );
    const statuses = answers.map((a) => a.status);
    console.log(
      `50 concurrent adds: ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 409).length} × 409`,
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(25);
    expect(statuses.filter((s) => s === 409)).toHaveLength(25);
    for (const base of [stationA, stationB]) {
      const listed = await until(
        () => cameraIds(base),
        (list) => ids.every((id) => list.includes(id)),
        5_000,
      );
      expect(listed.filter((id) => id.startsWith('race-')).sort()).toEqual([...ids].sort());
      expect(new Set(listed).size).toBe(listed.length);
    }
  });

  it('keeps reading while NATS is down 30 s, refuses writes with 503, and converges when it returns', async () => {
    const before = await cameraIds(stationA);
    await nats.stop();
    try {
      const down = await until(
        () => call(stationA, '/cameras', { method: 'POST', body: cameraBody('while-down') }),
        (answer) => answer.status === 503,
        10_000,
      );
      expect(down).toMatchObject({ status: 503, body: { error: { code: 'VIGIL_ERR_CLUSTER_UNAVAILABLE' } } });
      const onB = await call(stationB, '/cameras/lobby', { method: 'DELETE' });
      expect(onB).toMatchObject({ status: 503, body: { error: { code: 'VIGIL_ERR_CLUSTER_UNAVAILABLE' } } });
      // Reads answer from the last known state on both stations.
      expect(await cameraIds(stationA)).toEqual(before);
      expect(await cameraIds(stationB)).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      expect(await cameraIds(stationB)).toEqual(before);
    } finally {
      await nats.start();
    }
    const restarted = Date.now();
    const added = await until(
      () => call(stationA, '/cameras', { method: 'POST', body: cameraBody('after-restart') }),
      (answer) => answer.status === 201,
      20_000,
      250,
    );
    expect(added.status).toBe(201);
    console.log(`NATS restarted → a write on A accepted after ${Date.now() - restarted} ms`);
    const listed = await until(
      () => cameraIds(stationB),
      (list) => list.includes('after-restart'),
      10_000,
    );
    console.log(`NATS restarted → B sees A's new camera after ${Date.now() - restarted} ms`);
    expect(listed).toEqual([...before, 'after-restart']);
    expect(await cameraIds(stationA)).toEqual([...before, 'after-restart']);
    expect(listed).not.toContain('while-down');
  }, 90_000);

  it('imports a single station into the cluster and exports it back, secrets re-sealed, ids never overwritten', async () => {
    const single = join(root, 'single');
    const logger = pino({ level: 'silent' });
    const stores = await openStationStores({
      dataDir: single,
      logger,
      cipher: await createKeyFileCipher(single),
    });
    const mountpoint = await stores.cameras.newMountpoint();
    const now = new Date().toISOString();
    await stores.cameras.insert({
      ...{ camera_id: 'gate', name: 'Gate', rtsp_url: 'rtsp://127.0.0.1:8554/gate', username: 'admin' },
      ...{ password_sealed: await stores.cameras.sealPassword('gate-secret-pw'), auth_method: 'digest' },
      ...{ description: '', enabled: false, substream_url: null, tags: [], mountpoint, created_at: now },
      updated_at: now,
    });
    await stores.cameras.insert({
      ...(stores.cameras.get('gate') ?? expect.fail('gate was not stored')),
      camera_id: 'lobby',
      mountpoint: await stores.cameras.newMountpoint(),
    });
    await stores.views.insert({
      ...{ view_id: 'gate-view', name: 'Gate', layout: '1', tiles: ['gate'], tour: null },
      ...{ created_at: now, updated_at: now },
    });
    const portal = await stores.keys.create('portal', 'view');
    const cluster = ['--cluster', nats.url, '--cluster-key', keyFile];

    const imported = await runVigil(['cluster', 'import', '--data-dir', single, ...cluster]);
    console.log(imported.stdout);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('cameras: 1 copied, 1 skipped');
    expect(imported.stdout).toContain('skipped: lobby');
    const gate = await until(
      () => call(stationB, '/cameras/gate'),
      (answer) => answer.status === 200,
      5_000,
    );
    expect(gate.body).toMatchObject({ camera_id: 'gate', username: 'admin' });
    expect((await call(stationB, '/cameras/lobby')).body).toMatchObject({ name: 'Camera lobby' });
    expect((await call(stationA, '/views/gate-view')).status).toBe(200);
    const viaPortal = await fetch(`${stationA}/cameras`, {
      headers: { authorization: `Bearer ${portal.key}` },
    });
    expect(viaPortal.status).toBe(200);
    // Nothing secret in plaintext in NATS.
    const client = await connect({ servers: nats.url });
    const raw = await (await new Kvm(jetstream(client)).open('vigil_cameras')).get('gate');
    await client.close();
    expect(raw?.string()).toContain('password_sealed');
    expect(raw?.string()).not.toContain('gate-secret-pw');

    const again = await runVigil(['cluster', 'import', '--data-dir', single, ...cluster]);
    expect(again.stdout).toContain('cameras: 0 copied, 2 skipped');

    const exported = join(root, 'exported');
    const out = await runVigil(['cluster', 'export', '--data-dir', exported, ...cluster]);
    expect(out.code, out.stderr).toBe(0);
    const back = await openStationStores({
      dataDir: exported,
      logger,
      cipher: await createKeyFileCipher(exported),
    });
    const gateBack = back.cameras.get('gate') ?? expect.fail('gate was not exported');
    expect(await back.cameras.unsealPassword(gateBack)).toBe('gate-secret-pw');
    expect(back.cameras.list().map((c) => c.camera_id)).toEqual(await cameraIds(stationA));
    expect(back.views.get('gate-view')?.tiles).toEqual(['gate']);
    expect(back.keys.verify(portal.key)).toMatchObject({ scope: 'view' });
    const refused = await runVigil(['cluster', 'export', '--data-dir', exported, ...cluster]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds cameras');
  }, 60_000);

  it('refuses to start with a key that differs from the cluster’s, or without one', async () => {
    const otherKey = join(root, 'other.key');
    expect((await runVigil(['cluster', 'init', '--key-file', otherKey])).code).toBe(0);
    const again = await runVigil(['cluster', 'init', '--key-file', otherKey]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const wrong = await startClusterStation('wrong', otherKey);
    expect(await wrong.exited).toBe(1);
    expect(wrong.stderr()).toContain("differs from the cluster's");
    const missing = await runVigil(['serve', '--cluster', nats.url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--cluster-key FILE');
  }, 60_000);

  it('stops cleanly on SIGTERM while NATS is down', async () => {
    const b = running[1] ?? expect.fail('station B is not running');
    await nats.stop();
    try {
      await until(
        () => call(stationB, '/cameras', { method: 'POST', body: cameraBody('at-stop') }),
        (answer) => answer.status === 503,
        10_000,
      );
      const stopping = Date.now();
      process.kill(b.pid, 'SIGTERM');
      expect(await b.exited).toBe(0);
      console.log(`station stopped on SIGTERM with NATS down in ${Date.now() - stopping} ms`);
    } finally {
      await nats.start();
    }
  }, 40_000);
});
