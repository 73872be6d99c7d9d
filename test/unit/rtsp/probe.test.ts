import { createHash } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

import { RtspAbortedError } from '../../../main/rtsp/errors';
import type { ProbeResult } from '../../../common/probe';
import { probeCamera, type ProbeOptions } from '../../../main/rtsp/probe';
import {
  closedPort,
  startFakeRtspServer,
  type FakeReply,
  type FakeRequest,
  type FakeRtspServer,
} from './fake-rtsp-server';

const USER = 'admin';
const PASSWORD = 'S3cret:p@ss/word';
const NONCE = 'n0nce-1';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

const sdp = (...media: string[]) =>
  ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=cam', 't=0 0', 'a=control:*', ...media, ''].join('\r\n');
const H264_SDP = sdp(
  'm=video 0 RTP/AVP 96',
  'a=rtpmap:96 H264/90000',
  'a=fmtp:96 packetization-mode=1;profile-level-id=42c01f',
  'a=control:stream=0',
  'm=audio 0 RTP/AVP 0',
  'a=control:stream=1',
);

interface CameraScript {
  auth?: 'digest' | 'digest-stale' | 'digest-no-qop' | 'basic' | 'none';
  authOptions?: boolean;
  body?: string;
  contentBase?: string;
  describeStatus?: number;
  setupStatus?: number;
  setupTransport?: string;
}

/** Checks a Digest Authorization header with its own MD5 arithmetic (RFC 2617 §3.2.2). */
function digestValid(request: FakeRequest, nonce: string): boolean {
  const header = request.headers.get('authorization') ?? '';
  if (!header.startsWith('Digest ')) return false;
  const f = new Map([...header.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const ha1 = md5(`${f.get('username') ?? ''}:${f.get('realm') ?? ''}:${PASSWORD}`);
  const ha2 = md5(`${request.method}:${f.get('uri') ?? ''}`);
  const qop = f.get('qop');
  const expected =
    qop === undefined
      ? md5(`${ha1}:${nonce}:${ha2}`)
      : md5(`${ha1}:${nonce}:${f.get('nc') ?? ''}:${f.get('cnonce') ?? ''}:${qop}:${ha2}`);
  return f.get('username') === USER && f.get('nonce') === nonce && f.get('response') === expected;
}

/** A well-behaved camera, with knobs for each way a camera goes wrong. */
function camera(script: CameraScript = {}) {
  const auth = script.auth ?? 'digest';
  let nonce = NONCE;
  return (request: FakeRequest, reply: FakeReply) => {
    const protectedMethod = request.method !== 'OPTIONS' || script.authOptions === true;
    if (auth !== 'none' && protectedMethod) {
      // In digest-stale mode the first nonce is answered stale=true however right the response is.
      const stale = auth === 'digest-stale' && nonce === NONCE && digestValid(request, nonce);
      const ok =
        auth === 'basic'
          ? request.headers.get('authorization') ===
            `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
          : !stale && digestValid(request, nonce);
      if (!ok) {
        if (stale) nonce = 'n0nce-2';
        const qop = auth === 'digest-no-qop' ? '' : ', qop="auth"';
        const digest = `Digest realm="cam", nonce="${nonce}"${qop}, opaque="op"${stale ? ', stale=TRUE' : ''}`;
        reply.respond(
          401,
          auth === 'basic' ? { 'WWW-Authenticate': 'Basic realm="cam"' } : { 'WWW-Authenticate': digest },
        );
        return;
      }
    }
    switch (request.method) {
      case 'OPTIONS':
        reply.respond(200, { Public: 'OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN', Server: 'FakeCam/1.0' });
        return;
      case 'DESCRIBE':
        if (script.describeStatus !== undefined) reply.respond(script.describeStatus);
        else
          reply.respond(
            200,
            { 'Content-Type': 'application/sdp', 'Content-Base': script.contentBase ?? `${request.url}/` },
            script.body ?? H264_SDP,
          );
        return;
      case 'SETUP':
        if (script.setupStatus !== undefined) reply.respond(script.setupStatus);
        else
          reply.respond(200, {
            Session: 'S3SS10N;timeout=60',
            Transport: script.setupTransport ?? 'RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001',
          });
        return;
      default:
        reply.respond(200);
    }
  };
}

let server: FakeRtspServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Probes, then checks what every probe must do: close its socket and never echo the password. */
async function probe(
  handler: (request: FakeRequest, reply: FakeReply) => void,
  options: Partial<ProbeOptions> = {},
): Promise<ProbeResult> {
  server = await startFakeRtspServer(handler);
  const result = await probeCamera({
    url: server.url('/cam1'),
    username: USER,
    password: PASSWORD,
    ...options,
  });
  await server.clientsClosed();
  expect(JSON.stringify(result)).not.toContain(PASSWORD);
  expect(JSON.stringify(result)).not.toContain('S3cret');
  return result;
}

const methods = () => server?.requests.map((r) => r.method);

describe('probeCamera against a scripted camera', () => {
  it('answers a Digest challenge, sets up the video over UDP and tears down', async () => {
    const signal = new AbortController().signal;
    const result = await probe(camera(), { signal });
    expect(result).toEqual({
      ok: true,
      auth_method: 'digest',
      video: {
        codec: 'h264',
        payload_type: 96,
        clock_rate: 90000,
        fmtp: 'packetization-mode=1;profile-level-id=42c01f',
        control: `${server?.url('/cam1')}/stream=0`,
      },
      audio: {
        codec: 'pcmu',
        payload_type: 0,
        clock_rate: 8000,
        channels: 1,
        control: `${server?.url('/cam1')}/stream=1`,
      },
      // Static PCMU without an a=rtpmap line: Janus 1.1 cannot name it, so it is not relayed.
      audio_relayed: false,
      server: 'FakeCam/1.0',
      latency_ms: expect.any(Number) as unknown,
    });
    expect(methods()).toEqual(['OPTIONS', 'DESCRIBE', 'DESCRIBE', 'SETUP', 'TEARDOWN']);
    const [, , describe, setup, teardown] = server?.requests ?? [];
    expect(describe?.headers.get('accept')).toBe('application/sdp');
    expect(setup?.url).toBe(`${server?.url('/cam1')}/stream=0`);
    expect(setup?.headers.get('transport')).toMatch(/^RTP\/AVP;unicast;client_port=(\d+)-(\d+)$/);
    expect(setup?.headers.get('authorization')).toMatch(/nc=00000002/);
    expect(teardown?.headers.get('session')).toBe('S3SS10N');
    expect(teardown?.url).toBe(`${server?.url('/cam1')}/`);
    expect(server?.requests.map((r) => Number(r.cseq))).toEqual([1, 2, 3, 4, 5]);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('retries once on stale=true with the new nonce (no-qop digest too)', async () => {
    expect(await probe(camera({ auth: 'digest-stale' }))).toMatchObject({ ok: true, auth_method: 'digest' });
    expect(methods()).toEqual(['OPTIONS', 'DESCRIBE', 'DESCRIBE', 'DESCRIBE', 'SETUP', 'TEARDOWN']);
    await server?.close();
    expect(await probe(camera({ auth: 'digest-no-qop' }))).toMatchObject({ ok: true, auth_method: 'digest' });
  });

  it('uses Basic when that is all the camera offers, even for OPTIONS', async () => {
    expect(await probe(camera({ auth: 'basic', authOptions: true }))).toMatchObject({
      ok: true,
      auth_method: 'basic',
    });
    expect(methods()).toEqual(['OPTIONS', 'OPTIONS', 'DESCRIBE', 'SETUP', 'TEARDOWN']);
  });

  it('reports no auth for an open camera, and takes credentials from the URL', async () => {
    expect(await probe(camera({ auth: 'none' }), { username: undefined, password: undefined })).toMatchObject(
      {
        ok: true,
        auth_method: 'none',
      },
    );
    await server?.close();
    server = await startFakeRtspServer(camera());
    const url = server.url('/cam1').replace('//', `//${USER}:${encodeURIComponent(PASSWORD)}@`);
    expect(await probeCamera({ url })).toMatchObject({ ok: true, auth_method: 'digest' });
    expect(server.requests.every((r) => !r.url.includes('@'))).toBe(true);
  });

  it('goes on to DESCRIBE when OPTIONS is not implemented', async () => {
    const result = await probe((request, reply) => {
      if (request.method === 'OPTIONS') reply.respond(501);
      else camera()(request, reply);
    });
    expect(result).toMatchObject({ ok: true, auth_method: 'digest' });
  });

  it('says the password is wrong after one retry', async () => {
    const result = await probe(camera(), { password: 'wrong' });
    expect(result).toEqual({
      ok: false,
      reason: 'auth_failed',
      message: "The camera refused the username or password (RTSP 401). Check them in the camera's settings.",
      field: 'password',
      status: 401,
    });
    expect(methods()).toEqual(['OPTIONS', 'DESCRIBE', 'DESCRIBE']);
  });

  it('asks for credentials when none were given', async () => {
    const result = await probe(camera(), { username: undefined, password: undefined });
    expect(result).toMatchObject({ ok: false, reason: 'auth_failed', field: 'username' });
  });

  it('reports a login method it cannot answer', async () => {
    const result = await probe((request, reply) => {
      reply.respond(401, { 'WWW-Authenticate': 'NTLM' });
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'auth_unsupported',
      message: expect.stringContaining('NTLM') as unknown,
    });
  });

  it('reports a wrong path', async () => {
    expect(await probe(camera({ describeStatus: 404 }))).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'The camera has no stream at path /cam1. Check the path in rtsp_url.',
      field: 'rtsp_url',
      status: 404,
    });
  });

  it.each([
    ['461 on SETUP', { setupStatus: 461 }, 461],
    ['an interleaved transport', { setupTransport: 'RTP/AVP/TCP;unicast;interleaved=0-1' }, undefined],
    ['a TCP-only m= line', { body: sdp('m=video 0 RTP/AVP/TCP 96', 'a=rtpmap:96 H264/90000') }, undefined],
  ])('reports a TCP-only camera (%s)', async (_name, script, status) => {
    const result = await probe(camera(script));
    expect(result).toMatchObject({
      ok: false,
      reason: 'tcp_only',
      ...(status === undefined ? {} : { status }),
    });
  });

  it.each([
    ['MJPEG', sdp('m=video 0 RTP/AVP 26'), 'unsupported_codec', /MJPEG/],
    ['MP4V', sdp('m=video 0 RTP/AVP 96', 'a=rtpmap:96 MP4V-ES/90000'), 'unsupported_codec', /MP4V-ES/],
    ['audio only', sdp('m=audio 0 RTP/AVP 0'), 'no_video', /no video, only audio/],
    ['no media', sdp(), 'no_video', /no media at all/],
    ['not SDP', '<html></html>', 'protocol_error', /not valid SDP/],
  ])('reads the SDP: %s', async (_name, body, reason, message) => {
    const result = await probe(camera({ body }));
    expect(result).toMatchObject({ ok: false, reason, message: expect.stringMatching(message) as unknown });
  });

  it.each([
    ['Opus named by rtpmap', ['m=audio 0 RTP/AVP 111', 'a=rtpmap:111 opus/48000/2'], true],
    ['PCMA named by rtpmap', ['m=audio 0 RTP/AVP 8', 'a=rtpmap:8 PCMA/8000'], true],
    ['AAC', ['m=audio 0 RTP/AVP 97', 'a=rtpmap:97 MPEG4-GENERIC/48000/2'], false],
    ['no audio', [], false],
  ])('says whether Janus relays the audio: %s', async (_name, audio, relayed) => {
    const media = audio.length > 0 ? [...audio, 'a=control:a'] : [];
    const body = sdp('m=video 0 RTP/AVP 96', 'a=rtpmap:96 H264/90000', 'a=control:v', ...media);
    expect(await probe(camera({ body }))).toMatchObject({ ok: true, audio_relayed: relayed });
  });

  it('accepts H.265 and VP8 video', async () => {
    for (const codec of ['H265', 'VP8']) {
      const result = await probe(camera({ body: sdp('m=video 0 RTP/AVP 98', `a=rtpmap:98 ${codec}/90000`) }));
      expect(result).toMatchObject({ ok: true, video: { codec: codec.toLowerCase(), payload_type: 98 } });
      await server?.close();
    }
  });

  it('uses an absolute Content-Base and drops credentials a camera echoes in it', async () => {
    const result = await probe((request, reply) => {
      camera({
        contentBase: `rtsp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server?.port ?? 0}/media/`,
      })(request, reply);
    });
    expect(result).toMatchObject({
      ok: true,
      video: { control: `rtsp://127.0.0.1:${server?.port ?? 0}/media/stream=0` },
    });
  });

  it('skips unsolicited answers in the same chunk and reads answers split across chunks', async () => {
    const result = await probe((request, reply) => {
      if (request.method === 'OPTIONS') {
        reply.raw(
          `RTSP/1.0 200 OK\r\nCSeq: 99\r\n\r\nRTSP/1.0 200 OK\r\nCSeq: ${request.cseq}\r\nServer: Split\r\n\r\n`,
        );
        return;
      }
      if (request.method === 'DESCRIBE') {
        const text = `RTSP/1.0 200 OK\r\nCSeq: ${request.cseq}\r\nContent-Length: ${H264_SDP.length}\r\n\r\n${H264_SDP}`;
        reply.raw(text.slice(0, 10));
        setTimeout(() => {
          reply.raw(text.slice(10, 60));
        }, 5);
        setTimeout(() => {
          reply.raw(text.slice(60));
        }, 10);
        return;
      }
      camera({ auth: 'none' })(request, reply);
    });
    expect(result).toMatchObject({ ok: true, auth_method: 'none', server: 'Split' });
  });

  it.each([
    ['garbage', '\u0000\u00ff garbage\r\n\r\n', /does not answer like an RTSP camera/],
    ['HTTP', 'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n', /answers HTTP, not RTSP/],
  ])('reports a service that answers %s', async (_name, text, message) => {
    const result = await probe((_request, reply) => {
      reply.raw(text);
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'protocol_error',
      field: 'rtsp_url',
      message: expect.stringMatching(message) as unknown,
    });
  });

  it('times out on a silent server within timeoutMs', async () => {
    const started = Date.now();
    const result = await probe(() => undefined, { timeoutMs: 200 });
    expect(result).toMatchObject({
      ok: false,
      reason: 'timeout',
      message: expect.stringMatching(
        /^No answer from 127\.0\.0\.1:\d+ within 0\.2 s \(waiting for OPTIONS\)/,
      ) as unknown,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a camera that closes mid-response', async () => {
    const result = await probe((request, reply) => {
      if (request.method !== 'DESCRIBE') {
        camera({ auth: 'none' })(request, reply);
        return;
      }
      reply.raw(`RTSP/1.0 200 OK\r\nCSeq: ${request.cseq}\r\nContent-Length: 500\r\n\r\nv=0\r\n`);
      reply.socket.end();
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'connection_closed',
      message: expect.stringContaining('during DESCRIBE') as unknown,
    });
  });

  it('reports connection refused on a closed port', async () => {
    const port = await closedPort();
    expect(await probeCamera({ url: `rtsp://127.0.0.1:${port}/cam1` })).toEqual({
      ok: false,
      reason: 'connection_refused',
      message: `Nothing is listening on 127.0.0.1:${port}. Is the camera on, and is the RTSP port right?`,
      field: 'rtsp_url',
    });
  });

  it('reports an invalid URL without touching the network', async () => {
    expect(await probeCamera({ url: 'rtsps://127.0.0.1/cam1' })).toMatchObject({
      ok: false,
      reason: 'invalid_url',
      field: 'rtsp_url',
    });
  });

  it('rejects with RtspAbortedError when aborted, and leaves no listener behind', async () => {
    server = await startFakeRtspServer(() => undefined);
    const controller = new AbortController();
    const probing = probeCamera({ url: server.url('/cam1'), signal: controller.signal });
    setTimeout(() => {
      controller.abort();
    }, 20);
    await expect(probing).rejects.toBeInstanceOf(RtspAbortedError);
    await server.clientsClosed();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await expect(probeCamera({ url: server.url('/cam1'), signal: controller.signal })).rejects.toBeInstanceOf(
      RtspAbortedError,
    );
  });
});
