// The probe against the lab's real camera (GStreamer's RTSP server): Digest and Basic logins, wrong
// password, wrong path, a stopped camera.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

import { probeCamera } from '../../../main/rtsp/probe';
import { useLab } from '../../lab/vitest';

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

describe('probe against the Digest lab camera', () => {
  const lab = useLab({ cameras: 2, auth: 'digest' });
  const camera = (index = 0) => {
    const found = lab().cameras[index];
    if (found === undefined) throw new Error(`the lab has no camera ${index}`);
    return found;
  };

  it('logs in with Digest and finds H.264 video set up over UDP', async () => {
    const { url, username, password } = camera(1);
    const result = await probeCamera({ url, username, password });
    expect(result).toMatchObject({
      ok: true,
      auth_method: 'digest',
      video: { codec: 'h264', payload_type: 96, clock_rate: 90000 },
    });
    if (!result.ok) return;
    expect(result.video.control).toMatch(new RegExp(`^${url}/`));
    expect(result.video.fmtp).toMatch(/packetization-mode=1/);
    expect(result.latency_ms).toBeLessThan(5_000);
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('takes the credentials from the URL too', async () => {
    const { url, username, password } = camera();
    const withCredentials = url.replace('rtsp://', `rtsp://${username}:${encodeURIComponent(password)}@`);
    expect(await probeCamera({ url: withCredentials })).toMatchObject({ ok: true, auth_method: 'digest' });
  });

  it('says the password is wrong', async () => {
    const { url, username, password } = camera();
    const result = await probeCamera({ url, username, password: `${password}-wrong` });
    expect(result).toMatchObject({ ok: false, reason: 'auth_failed', field: 'password', status: 401 });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('asks for credentials when none are given', async () => {
    expect(await probeCamera({ url: camera().url })).toMatchObject({
      ok: false,
      reason: 'auth_failed',
      field: 'username',
    });
  });

  it('says the path is wrong', async () => {
    const { url, username, password } = camera();
    const wrong = url.replace(/\/cam\d+$/, '/no-such-cam');
    expect(await probeCamera({ url: wrong, username, password })).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'The camera has no stream at path /no-such-cam. Check the path in rtsp_url.',
      field: 'rtsp_url',
      status: 404,
    });
  });

  it('says nothing listens on a closed port', async () => {
    const port = await closedPort();
    expect(await probeCamera({ url: `rtsp://127.0.0.1:${port}/cam1` })).toMatchObject({
      ok: false,
      reason: 'connection_refused',
    });
  });

  it('says nothing listens while the camera is stopped, and succeeds once it is back', async () => {
    const { url, username, password } = camera();
    await lab().camera.stop();
    try {
      const result = await probeCamera({ url, username, password });
      expect(result).toMatchObject({ ok: false, reason: 'connection_refused', field: 'rtsp_url' });
      if (!result.ok) expect(result.message).toContain(url.replace(/^rtsp:\/\/([^/]+)\/.*$/, '$1'));
    } finally {
      await lab().camera.start();
    }
    expect(await probeCamera({ url, username, password })).toMatchObject({ ok: true });
  });
});

describe('probe against the Basic lab camera', () => {
  const lab = useLab({ auth: 'basic' });

  it('logs in with Basic', async () => {
    const camera = lab().cameras[0];
    if (camera === undefined) throw new Error('the lab has no camera');
    const { url, username, password } = camera;
    expect(await probeCamera({ url, username, password })).toMatchObject({
      ok: true,
      auth_method: 'basic',
      video: { codec: 'h264' },
    });
    expect(await probeCamera({ url, username, password: 'wrong' })).toMatchObject({ reason: 'auth_failed' });
  });
});
