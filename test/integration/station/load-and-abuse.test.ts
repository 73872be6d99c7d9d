import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runInBackground } from '../../../common/background';
import { useLab } from '../../lab/vitest';
import { labCamera } from '../janus/connect';
import { freshDataDir, labGateway, removeDataDir, startStation, type RunningStation } from './harness';
import { janusMountpoints } from './janus-view';

const lab = useLab({ cameras: 4, auth: 'digest' });

describe('a station under load and abuse', () => {
  let dataDir: string;
  let running: RunningStation;
  const sse: string[] = [];
  let closeSse: () => void = () => undefined;

  beforeAll(async () => {
    dataDir = await freshDataDir();
    running = await startStation(labGateway(lab()), dataDir);
    // Listen to /events for the whole run, as a portal would.
    const controller = new AbortController();
    closeSse = () => {
      controller.abort();
    };
    const response = await fetch(`${running.baseUrl}/events`, {
      headers: { authorization: `Bearer ${running.viewKey}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const body = response.body;
    if (!body) throw new Error('/events answered without a body');
    const read = async (): Promise<void> => {
      const decoder = new TextDecoder();
      for await (const chunk of body as AsyncIterable<Uint8Array>) sse.push(decoder.decode(chunk));
    };
    runInBackground(read(), () => {
      // Aborted in afterAll.
    });
  });
  afterAll(async () => {
    closeSse();
    await running.stop({ removeMountpoints: true });
    await removeDataDir(dataDir);
  });

  it('100 concurrent POSTs give 100 cameras and 100 mountpoints, no duplicates', async () => {
    const bodies = Array.from({ length: 100 }, (_, i) => {
      const camera = labCamera(lab(), i % 4);
      return {
        camera_id: `load-${i}`,
        name: `Load ${i}`,
        rtsp_url: camera.url,
        username: camera.username,
        password: camera.password,
        auth_method: 'digest',
        // 200 probes at once can outrun one GStreamer camera on a busy machine; a slow probe must not turn a
        // race between duplicates into a 422.
        allow_offline: true,
      };
    });
    // Each id twice: exactly one of each pair wins.
    const responses = await Promise.all(
      [...bodies, ...bodies].map((body) => running.call('/cameras', { method: 'POST', body })),
    );
    const statuses = responses.map((r) => r.status);
    const unexpected = await Promise.all(
      responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.text()),
    );
    expect(unexpected, 'answers other than 201 and 409').toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);

    const cameras = (await (await running.call('/cameras')).json()) as {
      camera_id: string;
      stream_id: number;
    }[];
    expect(new Set(cameras.map((c) => c.camera_id)).size).toBe(100);
    expect(new Set(cameras.map((c) => c.stream_id)).size).toBe(100);
    const ours = (await janusMountpoints(lab())).filter((m) => m.metadata?.startsWith('vigil:'));
    expect(ours).toHaveLength(100);
    expect(new Set(ours.map((m) => m.id))).toEqual(new Set(cameras.map((c) => c.stream_id)));
  });

  it('a corpus of malformed requests gets 4xx in the error shape, never 5xx, and the station keeps serving', async () => {
    const camera = labCamera(lab());
    const good = { camera_id: 'ok', name: 'OK', rtsp_url: camera.url };
    const raw = (path: string, init: RequestInit) => fetch(`${running.baseUrl}${path}`, init);
    const auth = { authorization: `Bearer ${running.manageKey}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const cases: [string, () => Promise<Response>][] = [
      ['no key', () => running.call('/cameras', { key: null })],
      ['unknown key', () => running.call('/cameras', { key: 'vigil_manage_nope' })],
      [
        'view key mutating',
        () => running.call('/cameras', { method: 'POST', body: good, key: running.viewKey }),
      ],
      ['foreign Host', () => withHost(running.baseUrl, '/cameras', 'evil.example', running.manageKey)],
      [
        'foreign Host with our port',
        () => withHost(running.baseUrl, '/', `evil.example:${new URL(running.baseUrl).port}`),
      ],
      ['not JSON', () => raw('/cameras', { method: 'POST', headers: json, body: '{"camera_id":' })],
      [
        'text/plain',
        () =>
          raw('/cameras', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'x' }),
      ],
      [
        'huge body',
        () =>
          raw('/cameras', {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ ...good, description: 'x'.repeat(200_000) }),
          }),
      ],
      ['array body', () => running.call('/cameras', { method: 'POST', body: [good] })],
      ['null body', () => running.call('/cameras', { method: 'POST', body: null })],
      [
        'missing rtsp_url',
        () => running.call('/cameras', { method: 'POST', body: { camera_id: 'a', name: 'A' } }),
      ],
      ['extra field', () => running.call('/cameras', { method: 'POST', body: { ...good, admin: true } })],
      [
        'http URL',
        () => running.call('/cameras', { method: 'POST', body: { ...good, rtsp_url: 'http://127.0.0.1/x' } }),
      ],
      [
        'rtsps URL',
        () =>
          running.call('/cameras', { method: 'POST', body: { ...good, rtsp_url: 'rtsps://127.0.0.1/x' } }),
      ],
      [
        'URL without host',
        () => running.call('/cameras', { method: 'POST', body: { ...good, rtsp_url: 'rtsp:///x' } }),
      ],
      [
        'bad port',
        () =>
          running.call('/cameras', {
            method: 'POST',
            body: { ...good, rtsp_url: 'rtsp://127.0.0.1:99999/x' },
          }),
      ],
      [
        '65-char id',
        () => running.call('/cameras', { method: 'POST', body: { ...good, camera_id: 'a'.repeat(65) } }),
      ],
      [
        'id with slash',
        () => running.call('/cameras', { method: 'POST', body: { ...good, camera_id: '../etc' } }),
      ],
      [
        'id with NUL',
        () => running.call('/cameras', { method: 'POST', body: { ...good, camera_id: 'a\u0000b' } }),
      ],
      [
        'unicode id',
        () => running.call('/cameras', { method: 'POST', body: { ...good, camera_id: 'kamera-ü' } }),
      ],
      ['name wrong type', () => running.call('/cameras', { method: 'POST', body: { ...good, name: 42 } })],
      [
        'tags not unique',
        () => running.call('/cameras', { method: 'POST', body: { ...good, tags: ['a', 'a'] } }),
      ],
      [
        'auth_method unknown',
        () => running.call('/cameras', { method: 'POST', body: { ...good, auth_method: 'ntlm' } }),
      ],
      [
        'substream with credentials',
        () =>
          running.call('/cameras', {
            method: 'POST',
            body: { ...good, skip_probe: true, substream_url: 'rtsp://u:p@127.0.0.1/s' },
          }),
      ],
      ['PATCH empty', () => running.call('/cameras/load-1', { method: 'PATCH', body: {} })],
      ['PATCH unknown camera', () => running.call('/cameras/nope', { method: 'PATCH', body: { name: 'x' } })],
      ['GET bad id', () => running.call('/cameras/..%2F..%2Fetc')],
      ['GET broken escape', () => running.call('/cameras/%E0%A4%A')],
      ['DELETE unknown', () => running.call('/cameras/nope', { method: 'DELETE' })],
      ['stream of unknown', () => running.call('/cameras/nope/stream')],
      [
        'probe bad URL',
        () => running.call('/cameras/probe', { method: 'POST', body: { rtsp_url: 'ftp://x' } }),
      ],
      ['unknown route', () => running.call('/nope')],
      ['wrong method', () => running.call('/cameras', { method: 'PUT', body: good })],
    ];
    for (const [name, send] of cases) {
      const response = await send();
      const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
      expect([name, response.status >= 400 && response.status < 500]).toEqual([name, true]);
      expect([name, typeof body.error?.code, typeof body.error?.message]).toEqual([name, 'string', 'string']);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await running.call('/cameras')).status).toBe(200);
  });

  it('no password appears in any response, SSE event, log file or store file', async () => {
    const secret = labCamera(lab()).password;
    const responses = await Promise.all(
      [
        '/cameras',
        '/cameras/load-1',
        '/cameras/load-1/stream',
        '/health',
        '/metrics',
        '/openapi.json',
        '/',
      ].map(async (path) => (await running.call(path)).text()),
    );
    for (const text of responses) expect(text).not.toContain(secret);
    expect(sse.join('')).toContain('camera.added');
    expect(sse.join('')).not.toContain(secret);
    running.station.onEvent(() => undefined);
    for (const file of await readdir(dataDir, { recursive: true })) {
      const content = await readFile(join(dataDir, file)).catch(() => Buffer.alloc(0));
      expect([file, content.includes(secret)]).toEqual([file, false]);
    }
  });
});

/** GET with a Host header of our choosing (fetch never sends one): a DNS-rebinding page's request. */
function withHost(baseUrl: string, path: string, host: string, key?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...(key ? { authorization: `Bearer ${key}` } : {}) };
    const outgoing = request(new URL(path, baseUrl), { headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0 }));
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
