// Smoke test of the media lab itself: its Janus takes our secrets (and only them), enforces CORS, its
// camera asks for credentials, and parts restart and coexist. Runs inside a lab (npm run test:integration).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { startLab, type Lab, type LabJson } from '../lab';
import { useLab } from '../lab/vitest';

const run = promisify(execFile);
const lab = useLab({ cameras: 2, auth: 'digest' });

/** POSTs a Janus or Admin API request with the lab's Origin and returns the JSON reply. */
async function janusPost(url: string, body: object, origin: string): Promise<Record<string, unknown>> {
  const reply = await fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ transaction: 'lab-test', ...body }),
  });
  return (await reply.json()) as Record<string, unknown>;
}

/** Creates a Janus session with the api secret and destroys it again; returns the reply's `janus`. */
async function createAndDestroySession(janus: LabJson['janus']): Promise<unknown> {
  const created = await janusPost(
    janus.http_url,
    { janus: 'create', apisecret: janus.api_secret },
    janus.allow_origin,
  );
  const { id } = created.data as { id: number };
  await janusPost(
    `${janus.http_url}/${id}`,
    { janus: 'destroy', apisecret: janus.api_secret },
    janus.allow_origin,
  );
  return created.janus;
}

/** ffprobe over UDP (as Janus reads RTSP); resolves with stdout or rejects with ffprobe's stderr. */
async function probe(url: string): Promise<string> {
  const args = ['-v', 'error', '-rtsp_transport', 'udp', '-show_entries', 'stream=codec_name,width,height'];
  const { stdout } = await run('ffprobe', [...args, '-of', 'csv=p=0', url], { timeout: 15_000 });
  return stdout.trim();
}

describe('the lab Janus', () => {
  it('answers /janus/info and serves only the streaming plugin', async () => {
    const { janus } = lab();
    const reply = await fetch(`${janus.http_url}/info`, { headers: { origin: janus.allow_origin } });
    const info = (await reply.json()) as { plugins: object; transports: object; local_ip?: string };
    expect(Object.keys(info.plugins)).toEqual(['janus.plugin.streaming']);
    expect(Object.keys(info.transports).sort()).toEqual([
      'janus.transport.http',
      'janus.transport.websockets',
    ]);
  });

  it('accepts the api_secret and refuses requests without it', async () => {
    const { janus } = lab();
    expect(await createAndDestroySession(janus)).toBe('success');
    const anonymous = await janusPost(janus.http_url, { janus: 'create' }, janus.allow_origin);
    expect(anonymous).toMatchObject({ janus: 'error', error: { code: 403 } });
  });

  it('accepts the admin_secret on the Admin API and refuses a wrong one', async () => {
    const { janus } = lab();
    const sessions = await janusPost(
      janus.admin_url,
      { janus: 'list_sessions', admin_secret: janus.admin_secret },
      janus.allow_origin,
    );
    expect(sessions.janus).toBe('success');
    const wrong = await janusPost(
      janus.admin_url,
      { janus: 'list_sessions', admin_secret: 'wrong' },
      janus.allow_origin,
    );
    expect(wrong).toMatchObject({ janus: 'error', error: { code: 403 } });
  });

  it('enforces CORS: a request without the allowed Origin gets 403', async () => {
    const { janus } = lab();
    expect((await fetch(`${janus.http_url}/info`)).status).toBe(403);
    const foreign = await fetch(`${janus.http_url}/info`, { headers: { origin: 'http://192.0.2.1' } });
    expect(foreign.status).toBe(403);
  });

  it('restarts with the same ports and secrets after a crash', async () => {
    const { janus } = lab();
    const before = janus.pid;
    await janus.kill();
    expect(janus.isRunning()).toBe(false);
    await janus.start();
    expect(janus.pid).not.toBe(before);
    expect(await createAndDestroySession(janus)).toBe('success');
  });
});

describe('the lab camera', () => {
  it('answers DESCRIBE with 401 without credentials and streams H.264 with them', async () => {
    const [cam1, cam2] = lab().cameras;
    if (cam1 === undefined || cam2 === undefined) throw new Error('the lab has two cameras');
    await expect(probe(cam1.url)).rejects.toThrow(/401/);
    expect(await probe(cam1.url_with_credentials)).toBe('h264,640,360');
    expect(await probe(cam2.url_with_credentials)).toBe('h264,640,360');
  });

  it('serves again after stop and start', async () => {
    const { camera, cameras } = lab();
    await camera.stop();
    expect(camera.isRunning()).toBe(false);
    await camera.start();
    expect(await probe(cameras[0]?.url_with_credentials ?? '')).toBe('h264,640,360');
  });
});

describe('labs side by side', () => {
  let second: Lab | undefined;
  afterAll(async () => {
    await second?.stop();
  });

  it('starts a second lab on its own ports and secrets, both answering', async () => {
    second = await startLab({ cameras: 1, auth: 'basic' });
    const first = lab();
    const ports = (l: Lab): string[] => [
      l.janus.http_url,
      l.janus.ws_url,
      l.janus.admin_url,
      l.cameras[0]?.url ?? '',
    ];
    expect(ports(second).filter((url) => ports(first).includes(url))).toEqual([]);
    expect(second.janus.api_secret).not.toBe(first.janus.api_secret);
    expect(await createAndDestroySession(second.janus)).toBe('success');
    expect(await createAndDestroySession(first.janus)).toBe('success');
    expect(await probe(second.cameras[0]?.url_with_credentials ?? '')).toBe('h264,640,360');
  });

  it('leaves nothing running after stop()', async () => {
    const stopped = await startLab({ cameras: 1, auth: 'none' });
    await stopped.stop();
    await stopped.stop();
    expect(stopped.janus.isRunning()).toBe(false);
    expect(stopped.camera.isRunning()).toBe(false);
  });

  it('shares the lab that `run` started through LAB_JSON', async () => {
    const shared = JSON.parse(process.env.LAB_JSON ?? '{}') as LabJson;
    expect(shared.namespace).toBe(process.env.LAB_NETNS);
    expect(await createAndDestroySession(shared.janus)).toBe('success');
  });
});
