// The station's Janus door on real parts: a station on the lab's Janus and Digest cameras, viewers speaking the
// Janus protocol with janode (in its own process) — no Origin forged, no pin sent.
import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { StreamInfo } from '../../../common/camera';
import { JanusAdmin } from '../../../main/janus';
import { openApiKeyStore } from '../../../main/store/api-keys';
import { useLab } from '../../lab/vitest';
import { runVigil } from '../cli/vigil-process';
import {
  addLabCameras,
  freshDataDir,
  labGateway,
  removeDataDir,
  startStation,
  type RunningStation,
} from '../station/harness';
import { JanodeViewer } from './janode-viewer';

const lab = useLab({ cameras: 2, auth: 'digest' });
/** Small caps, so the test reaches them: sessions per key, connections per key, sessions per connection. */
const LIMITS = { sessionsPerCredential: 4, connectionsPerCredential: 3, sessionsPerConnection: 2 };

let running: RunningStation;
let dataDir: string;
let janode: JanodeViewer;
let lobby: number;
let gate: number;

async function streamInfo(cameraId: string, key = running.viewKey): Promise<StreamInfo> {
  return (await (await running.call(`/cameras/${cameraId}/stream`, { key })).json()) as StreamInfo;
}

/** A fresh key, made as `vigil keys create` would (the same api-keys.json). */
function newKey(name: string, scope: 'view' | 'manage' = 'view'): Promise<{ id: string; key: string }> {
  return openApiKeyStore(dataDir).create(name, scope);
}

/** The status a WebSocket upgrade of `url` gets (101 when accepted). */
function upgrade(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url.replace(/^ws/, 'http'), {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': 'janus-protocol',
        ...headers,
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

async function janusSessions(): Promise<number> {
  const admin = await JanusAdmin.connect({
    url: lab().janus.admin_url,
    adminSecret: lab().janus.admin_secret,
    origin: lab().janus.allow_origin,
  });
  try {
    return (await admin.listSessions()).length;
  } finally {
    await admin.close();
  }
}

beforeAll(async () => {
  dataDir = await freshDataDir();
  running = await startStation(labGateway(lab()), dataDir, LIMITS);
  [lobby = 0, gate = 0] = await addLabCameras(running, lab(), ['lobby', 'gate']).then(() =>
    Promise.all(['lobby', 'gate'].map(async (id) => (await streamInfo(id)).stream_id)),
  );
  janode = new JanodeViewer();
});
afterAll(async () => {
  janode.stop();
  await running.stop({ removeMountpoints: true });
  await removeDataDir(dataDir);
});

describe('the Janus door', () => {
  it('janode watches a camera through /janus with a manage key as its token: no Origin, no pin', async () => {
    await janode.connect('manage', running.doorUrl, { token: running.manageKey });
    const handle = await janode.session('manage/s', 'manage');
    const watched = (await janode.request(handle, 'watch', { id: lobby })) as { jsep?: { type: string } };
    expect(watched.jsep?.type).toBe('offer');
    await janode.run({ op: 'close', connection: 'manage' });
  });

  it("the seed's plain flow: janus_url as given (its ticket in the URL), watch by stream id, nothing else", async () => {
    const info = await streamInfo('lobby');
    expect(info.janus_url).toBe(`${running.doorUrl}?ticket=${info.ticket}`);
    await janode.connect('plain', info.janus_url);
    const handle = await janode.session('plain/s', 'plain');
    const watched = (await janode.request(handle, 'watch', { id: info.stream_id })) as {
      jsep?: { type: string };
    };
    expect(watched.jsep?.type).toBe('offer');
    await janode.run({ op: 'close', connection: 'plain' });
  });

  it('takes a key in the Authorization header of the upgrade', async () => {
    await janode.connect('bearer', running.doorUrl, {
      headers: { authorization: `Bearer ${running.viewKey}` },
    });
    const handle = await janode.session('bearer/s', 'bearer');
    expect(await janode.request(handle, 'watch', { id: gate })).toMatchObject({ jsep: { type: 'offer' } });
    await janode.run({ op: 'close', connection: 'bearer' });
  });

  it('a ticket for one camera reaches no other: watch of another, switch, list and info are refused', async () => {
    await janode.connect('ticket', (await streamInfo('lobby')).janus_url);
    const handle = await janode.session('ticket/s', 'ticket');
    await expect(janode.request(handle, 'watch', { id: gate })).rejects.toThrow(/403 No camera you may view/);
    expect(await janode.request(handle, 'watch', { id: lobby })).toMatchObject({ jsep: { type: 'offer' } });
    await expect(janode.request(handle, 'switch', { id: gate })).rejects.toThrow(
      /403 "switch" is not served/,
    );
    await expect(janode.request(handle, 'list', {})).rejects.toThrow(/403 "list" is not a viewer request/);
    await expect(janode.request(handle, 'info', { id: gate })).rejects.toThrow(/403 "info" is not a viewer/);
    await janode.run({ op: 'close', connection: 'ticket' });
  });

  it('refuses upgrades from foreign pages, with unknown keys and with stale tickets', async () => {
    expect(await upgrade(running.doorUrl, { origin: 'http://portal.example' })).toBe(403);
    expect(await upgrade(running.doorUrl, { authorization: 'Bearer vigil_view_nope' })).toBe(401);
    expect(await upgrade(`${running.doorUrl}?ticket=stale`, {})).toBe(401);
    expect(await upgrade(running.doorUrl, { origin: new URL(running.baseUrl).origin })).toBe(101);
    expect(await upgrade(running.doorUrl.replace('/janus', '/elsewhere'), {})).toBe(404);
    await expect(janode.connect('stale', `${running.doorUrl}?ticket=stale`)).rejects.toThrow();
  });

  it('revoking a key (vigil keys revoke, another process) ends its viewers’ Janus sessions within 2 s', async () => {
    const { id, key } = await newKey('revokee');
    await janode.connect('revokee', running.doorUrl, { token: key });
    const handle = await janode.session('revokee/s', 'revokee');
    await janode.request(handle, 'watch', { id: lobby });
    await janode.connect('revokee-ticket', (await streamInfo('gate', key)).janus_url);
    await janode.session('revokee-ticket/s', 'revokee-ticket');
    const before = await janusSessions();
    const revoked = await runVigil(['keys', 'revoke', id, '--data-dir', dataDir]);
    expect(revoked.code).toBe(0);
    const at = Date.now();
    const ended = await janode.event('revokee/s', 'session_destroyed', 2_000);
    const closed = await janode.event('revokee-ticket', 'connection_closed', 2_000);
    console.log(
      `key revoked → its Janus session ended in ${ended.at - at} ms, its ticket's connection closed in ${closed.at - at} ms`,
    );
    expect(ended.at - at).toBeLessThan(2_000);
    // Both Janus sessions are gone: the door destroyed one and closed the other's WebSocket to Janus.
    await vi.waitFor(async () => {
      expect(await janusSessions()).toBe(before - 2);
    }, 2_000);
  });

  it('deleting a camera detaches the handles watching it', async () => {
    const camera = lab().cameras[1];
    if (camera === undefined) throw new Error('the lab has one camera');
    const body = {
      camera_id: 'temp',
      name: 'Temp',
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
    };
    expect((await running.call('/cameras', { method: 'POST', body })).status).toBe(201);
    await janode.connect('temp', running.doorUrl, { token: running.viewKey });
    const handle = await janode.session('temp/s', 'temp');
    await janode.request(handle, 'watch', { id: (await streamInfo('temp')).stream_id });
    const at = Date.now();
    expect((await running.call('/cameras/temp', { method: 'DELETE' })).status).toBe(200);
    const detached = await janode.event(handle, 'handle_detached', 2_000);
    console.log(`camera deleted → its viewer's handle detached in ${detached.at - at} ms`);
    await janode.run({ op: 'close', connection: 'temp' });
  });

  it('caps Janus sessions per connection and per key, and connections per key', async () => {
    const { key } = await newKey('greedy');
    await janode.connect('g1', running.doorUrl, { token: key });
    await janode.run({ op: 'create', name: 'g1/a', connection: 'g1' });
    await janode.run({ op: 'create', name: 'g1/b', connection: 'g1' });
    await expect(janode.run({ op: 'create', name: 'g1/c', connection: 'g1' })).rejects.toThrow(
      /429 At most 2 sessions per connection/,
    );
    await janode.connect('g2', running.doorUrl, { token: key });
    await janode.run({ op: 'create', name: 'g2/a', connection: 'g2' });
    await janode.run({ op: 'create', name: 'g2/b', connection: 'g2' });
    await janode.connect('g3', running.doorUrl, { token: key });
    await expect(janode.run({ op: 'create', name: 'g3/a', connection: 'g3' })).rejects.toThrow(
      /429 At most 4 Janus sessions per key/,
    );
    await janode.run({ op: 'destroy', session: 'g2/b' });
    await janode.run({ op: 'create', name: 'g3/b', connection: 'g3' });
    await expect(
      janode.connect('g4', running.doorUrl, { headers: { authorization: `Bearer ${key}` } }),
    ).rejects.toThrow();
    for (const connection of ['g1', 'g2', 'g3']) await janode.run({ op: 'close', connection });
  });
});

describe('what the REST API tells anyone', () => {
  it('names no Janus port in /, /cameras, /cameras/{id}, /stream and /health', async () => {
    const ports = [
      lab().janus.http_url,
      lab().janus.ws_url,
      lab().janus.admin_url,
      lab().janus.admin_ws_url,
    ].map((url) => new URL(url).port);
    const answers = await Promise.all(
      ['/', '/cameras', '/cameras/lobby', '/cameras/lobby/stream', '/health'].map(async (path) => {
        const response = await running.call(path);
        expect(response.status, path).toBe(200);
        return [path, await response.text()] as const;
      }),
    );
    for (const [path, text] of answers) {
      for (const port of ports) expect(text, `${path} names Janus's port ${port}`).not.toContain(`:${port}`);
      expect(text).not.toMatch(/"pin"|"token"|apisecret|admin_key/);
    }
    expect(JSON.parse(answers[0]?.[1] ?? '{}')).toMatchObject({
      janus_url: running.doorUrl,
      websocket_url: running.doorUrl,
    });
  });
});
