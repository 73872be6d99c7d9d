// `vigil serve` in browser mode, as a child process with the bundled Janus: the printed sign-in link gives a
// session cookie that works like a manage key, saved views survive a restart, and `--demo 2` adds two
// simulated cameras that go live. API calls go to 127.0.0.1 only.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePorts } from '../../lab/ports';
import { childPids, isAlive, startVigil, type VigilProcess } from '../cli/vigil-process';
import { until } from '../wait';

const running: VigilProcess[] = [];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-browser-'));
});
afterEach(() => {
  for (const vigil of running.splice(0)) vigil.kill();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts `vigil serve` on free ports with the bundled Janus; resolves with the printed sign-in link. */
async function serve(
  dataDir: string,
  extra: string[] = [],
): Promise<{ vigil: VigilProcess; base: string; link: string }> {
  const ports = await freePorts(['api', 'http', 'ws', 'admin'] as const);
  const vigil = startVigil([
    'serve',
    ...['--data-dir', dataDir, '--port', String(ports.api)],
    ...['--janus-http-port', String(ports.http), '--janus-ws-port', String(ports.ws)],
    ...['--janus-admin-port', String(ports.admin)],
    ...['--janus-ice-interface', LAB_ICE_ADDRESS, '--janus-ice-enforce-list', LAB_ICE_INTERFACE],
    ...extra,
  ]);
  running.push(vigil);
  const [, link] = await vigil.waitFor(/^ {2}(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m, 60_000);
  return { vigil, base: `http://127.0.0.1:${ports.api}`, link: link ?? '' };
}

/** Follows the sign-in link like a browser: 303 to / with the session cookie; returns `name=value`. */
async function signIn(link: string): Promise<string> {
  const response = await fetch(link, { redirect: 'manual', headers: { accept: 'text/html' } });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/');
  const [cookie] = response.headers.getSetCookie();
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return (cookie ?? '').split(';')[0] ?? '';
}

async function stop(vigil: VigilProcess): Promise<void> {
  process.kill(vigil.pid, 'SIGTERM');
  expect(await vigil.exited).toBe(0);
}

describe('browser sign-in and views', () => {
  it('signs a browser in with the printed link, authenticates it by cookie, and keeps it and its views across a restart', async () => {
    const dataDir = join(root, 'signin');
    const first = await serve(dataDir);
    const fileLink = (await readFile(join(dataDir, 'signin-url'), 'utf8')).trim();
    expect(fileLink).toBe(first.link);
    expect((await stat(join(dataDir, 'signin-url'))).mode & 0o777).toBe(0o600);

    const page = await fetch(`${first.base}/`, { headers: { accept: 'text/html' } });
    // The page may connect to the station only: its own origin and its Janus door (ws:// on the same port).
    expect(page.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${first.base.replace(/^http/, 'ws')};`,
    );
    expect((await fetch(`${first.base}/cameras`)).status).toBe(401);

    const cookie = await signIn(first.link);
    expect((await fetch(first.link, { redirect: 'manual' })).status).toBe(401);
    const cameras = await fetch(`${first.base}/cameras`, { headers: { cookie } });
    expect(cameras.status).toBe(200);
    expect(await cameras.json()).toEqual([]);

    const view = { view_id: 'desk', name: 'Desk', layout: '2x2', tiles: ['cam-a', null, null, 'cam-b'] };
    const created = await fetch(`${first.base}/views`, {
      method: 'POST',
      headers: { cookie, origin: first.base, 'content-type': 'application/json' },
      body: JSON.stringify(view),
    });
    expect(created.status).toBe(201);
    const foreign = await fetch(`${first.base}/views/desk`, {
      method: 'DELETE',
      headers: { cookie, origin: 'http://127.0.0.1:1', 'content-type': 'application/json' },
    });
    expect(foreign.status).toBe(403);
    await stop(first.vigil);

    const second = await serve(dataDir);
    expect(second.link).not.toBe(first.link);
    // The session outlives the restart (sessions.json); the new link signs another browser in.
    const kept = await fetch(`${second.base}/views`, { headers: { cookie } });
    expect(await kept.json()).toMatchObject([view]);
    const again = await signIn(second.link);
    const views = await fetch(`${second.base}/views`, { headers: { cookie: again } });
    expect(await views.json()).toMatchObject([view]);
    const loggedOut = await fetch(`${second.base}/session/logout`, {
      method: 'POST',
      headers: { cookie, origin: second.base, 'content-type': 'application/json' },
    });
    expect(loggedOut.status).toBe(200);
    expect((await fetch(`${second.base}/views`, { headers: { cookie } })).status).toBe(401);
    await stop(second.vigil);
  });
});

describe('vigil serve --demo 2', () => {
  it('starts simulated cameras that probe, go live, and stop with the station', async () => {
    const dataDir = join(root, 'demo');
    const { vigil, base, link } = await serve(dataDir, ['--demo', '2']);
    expect(vigil.stdout()).toContain('Demo:   simulated cameras demo-1, demo-2');
    const cookie = await signIn(link);
    const listed = await until(
      async () =>
        (await (await fetch(`${base}/cameras`, { headers: { cookie } })).json()) as {
          camera_id: string;
          status: string;
        }[],
      (cameras) => cameras.length === 2 && cameras.every((c) => c.status === 'live'),
      30_000,
    );
    expect(listed.map((c) => [c.camera_id, c.status])).toEqual([
      ['demo-1', 'live'],
      ['demo-2', 'live'],
    ]);
    const [camera, ...others] = childPids(vigil.pid, 'python3');
    expect(others).toEqual([]);
    expect(camera).toBeDefined();
    await stop(vigil);
    expect(isAlive(camera ?? 0)).toBe(false);
  });
});
