// `vigil serve` end to end, as a child process: the bundled Janus (native), a corrupt store, a remote lab
// Janus, and the janus-config flow the compose file uses. API calls go to 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { waitForJanus } from '../../../main/gateway/janus-ready';
import { labCamera } from '../janus/connect';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { until } from '../wait';
import { childPids, cleanEnv, isAlive, runVigil, startVigil, type VigilProcess } from './vigil-process';

const lab = useLab({ cameras: 1 });
const running: VigilProcess[] = [];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-cli-serve-'));
});
afterEach(() => {
  for (const vigil of running.splice(0)) vigil.kill();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function nativeServe(dataDir: string): Promise<{ vigil: VigilProcess; api: string }> {
  const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
  const vigil = startVigil([
    'serve',
    '--data-dir',
    dataDir,
    '--port',
    String(ports.api),
    '--janus-http-port',
    String(ports.http),
    '--janus-ws-port',
    String(ports.ws),
    '--janus-admin-port',
    String(ports.admin),
    '--janus-ice-interface',
    LAB_ICE_ADDRESS,
    '--janus-ice-enforce-list',
    LAB_ICE_INTERFACE,
  ]);
  running.push(vigil);
  const [, api] = await vigil.waitFor(/ {2}API: {4}(http:\/\/127\.0\.0\.1:\d+)\//);
  return { vigil, api: api ?? '' };
}

async function getJson(url: string, key?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });
  return { status: response.status, body: await response.json() };
}

describe('vigil serve with the bundled Janus', () => {
  it('starts Janus, prints the API and the manage key, serves cameras, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(root, 'native');
    const created = await runVigil([
      'keys',
      'create',
      '--data-dir',
      dataDir,
      '--name',
      'portal',
      '--scope',
      'view',
    ]);
    expect(created.code).toBe(0);
    const viewKey = /^ {2}(vigil_view_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    const viewId = /key_[0-9a-f]{16}/.exec(created.stdout)?.[0] ?? '';

    const { vigil, api } = await nativeServe(dataDir);
    const keyFile = join(dataDir, 'manage.key');
    expect(vigil.stdout()).toContain(`curl -H "Authorization: Bearer $(cat ${keyFile})" ${api}/cameras`);
    expect(vigil.stdout()).toContain('Janus:  bundled Janus (started by Vigil)');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'logs', 'vigil.log'))).mode & 0o777).toBe(0o600);
    const manageKey = readFileSync(keyFile, 'utf8').trim();
    expect(vigil.stdout()).not.toContain(manageKey);

    const health = await until(
      () => getJson(`${api}/health`),
      (h) => (h.body as { janus_connectivity?: string }).janus_connectivity === 'ok',
    );
    expect(health).toMatchObject({ status: 200, body: { status: 'healthy', janus_connectivity: 'ok' } });
    expect(await getJson(`${api}/cameras`)).toMatchObject({ status: 401 });
    expect(await getJson(`${api}/cameras`, manageKey)).toEqual({ status: 200, body: [] });
    expect(await getJson(`${api}/cameras`, viewKey)).toEqual({ status: 200, body: [] });

    const camera = labCamera(lab());
    const add = await fetch(`${api}/cameras`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manageKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        camera_id: 'entrance_cam',
        name: 'Entrance Camera',
        rtsp_url: camera.url,
        username: camera.username,
        password: camera.password,
        auth_method: 'digest',
        description: 'Main entrance monitoring',
      }),
    });
    expect(add.status).toBe(201);
    const live = await until(
      () => getJson(`${api}/cameras/entrance_cam`, viewKey),
      (c) => (c.body as { status?: string }).status === 'live',
    );
    expect(live.body).toMatchObject({ camera_id: 'entrance_cam', status: 'live' });
    expect(JSON.stringify(live.body)).not.toContain(camera.password);

    const [janusPid, ...others] = childPids(vigil.pid, 'janus');
    expect(others).toEqual([]);
    expect(janusPid).toBeDefined();
    process.kill(vigil.pid, 'SIGTERM');
    expect(await vigil.exited).toBe(0);
    expect(isAlive(janusPid ?? 0)).toBe(false);
    expect(vigil.stderr()).toBe('');

    const listed = await runVigil(['keys', 'list', '--data-dir', dataDir]);
    expect(listed.stdout).toMatch(new RegExp(`${viewId} +portal +view`));
    expect(listed.stdout).toMatch(/initial manage key +manage/);
    expect(listed.stdout).not.toContain(viewKey);
    expect((await runVigil(['keys', 'revoke', viewId, '--data-dir', dataDir])).code).toBe(0);
    expect((await runVigil(['keys', 'list', '--data-dir', dataDir])).stdout).not.toContain(viewId);
  });

  it('a damaged cameras.json stops the station with the store’s message (exit 1) and keeps a copy', async () => {
    const dataDir = join(root, 'corrupt');
    await runVigil(['keys', 'list', '--data-dir', dataDir]);
    await writeFile(join(dataDir, 'cameras.json'), '{"cameras": [', { mode: 0o600 });
    const vigil = startVigil([
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      String((await freePorts(['api'])).api),
    ]);
    running.push(vigil);
    expect(await vigil.exited).toBe(1);
    expect(vigil.stderr()).toMatch(/^vigil: \S+cameras\.json is damaged: bad JSON/);
    expect(vigil.stderr()).toContain('the station stops rather than start without its data');
    expect(vigil.stderr()).not.toContain('    at ');
    expect(vigil.stdout()).not.toContain('Vigil station is running');
    expect((await readdir(dataDir)).some((name) => name.startsWith('cameras.json.corrupt-'))).toBe(true);
    expect(childPids(vigil.pid, 'janus')).toEqual([]);
  });
});

describe('vigil serve with a remote Janus', () => {
  it('uses the lab’s Janus from flags and JANUS_* secrets, and leaves it running on SIGTERM', async () => {
    const { janus } = lab();
    const { api: port } = await freePorts(['api']);
    const vigil = startVigil(
      [
        'serve',
        '--data-dir',
        join(root, 'remote'),
        '--port',
        String(port),
        '--janus-http-url',
        janus.http_url,
        '--janus-ws-url',
        janus.ws_url,
        '--janus-admin-url',
        janus.admin_url,
        '--janus-origin',
        janus.allow_origin,
      ],
      cleanEnv({
        JANUS_API_SECRET: janus.api_secret,
        JANUS_ADMIN_SECRET: janus.admin_secret,
        JANUS_STREAMING_ADMIN_KEY: janus.streaming_admin_key,
      }),
    );
    running.push(vigil);
    await vigil.waitFor(/Vigil station is running/);
    expect(vigil.stdout()).toContain(`Janus:  remote Janus at ${janus.http_url}`);
    const api = `http://127.0.0.1:${port}`;
    const health = await until(
      () => getJson(`${api}/health`),
      (h) => (h.body as { janus_connectivity?: string }).janus_connectivity === 'ok',
    );
    expect(health.body).toMatchObject({ janus_connectivity: 'ok' });
    // Viewers are told the station's own door, never the Janus behind it.
    expect((await getJson(`${api}/`)).body).toMatchObject({
      janus_url: `ws://127.0.0.1:${port}/janus`,
      websocket_url: `ws://127.0.0.1:${port}/janus`,
    });
    for (const secret of [janus.api_secret, janus.admin_secret, janus.streaming_admin_key]) {
      expect(vigil.stdout()).not.toContain(secret);
    }
    process.kill(vigil.pid, 'SIGTERM');
    expect(await vigil.exited).toBe(0);
    expect(janus.isRunning()).toBe(true);
  });

  it('runs on a Janus configured by `vigil janus-config` (the compose flow)', async () => {
    const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
    const dir = join(root, 'janus-config');
    const origin = `http://127.0.0.1:${ports.api}`;
    const written = await runVigil([
      'janus-config',
      '--out',
      dir,
      '--origin',
      origin,
      '--janus-http-port',
      String(ports.http),
      '--janus-ws-port',
      String(ports.ws),
      '--janus-admin-port',
      String(ports.admin),
    ]);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    const secretsFile = join(dir, 'vigil-secrets.json');
    expect((await stat(secretsFile)).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(secretsFile, 'utf8')) as object).sort()).toEqual([
      'admin_secret',
      'api_secret',
      'origin',
      'streaming_admin_key',
    ]);

    const janus = spawn('/usr/bin/janus', ['-C', join(dir, 'janus.jcfg'), '-F', dir], { stdio: 'ignore' });
    try {
      // A remote Janus must answer when the station starts (compose waits for its healthcheck the same way).
      await waitForJanus({ httpUrl: `http://127.0.0.1:${ports.http}/janus`, origin, timeoutMs: 10_000 });
      const vigil = startVigil([
        'serve',
        '--data-dir',
        join(root, 'compose'),
        '--port',
        String(ports.api),
        '--janus-http-url',
        `http://127.0.0.1:${ports.http}/janus`,
        '--janus-ws-url',
        `ws://127.0.0.1:${ports.ws}/janus`,
        '--janus-admin-url',
        `http://127.0.0.1:${ports.admin}/admin`,
        '--janus-secrets-file',
        secretsFile,
      ]);
      running.push(vigil);
      await vigil.waitFor(/Vigil station is running/);
      const health = await until(
        () => getJson(`${origin}/health`),
        (h) => (h.body as { janus_connectivity?: string }).janus_connectivity === 'ok',
      );
      expect(health.body).toMatchObject({ janus_connectivity: 'ok' });
      process.kill(vigil.pid, 'SIGTERM');
      expect(await vigil.exited).toBe(0);
    } finally {
      janus.kill('SIGTERM');
    }
  });
});
