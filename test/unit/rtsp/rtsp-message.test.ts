import { describe, expect, it } from 'vitest';

import { RtspProtocolError } from '../../../main/rtsp/errors';
import {
  formatRequest,
  headerValue,
  MAX_BODY_BYTES,
  MAX_HEAD_BYTES,
  RtspResponseReader,
} from '../../../main/rtsp/rtsp-message';

const OPTIONS =
  'RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, TEARDOWN\r\nServer: GStreamer RTSP server\r\n\r\n';
const DESCRIBE =
  'RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Base: rtsp://127.0.0.1/cam1/\r\nContent-Length: 9\r\n\r\nv=0\r\ns=é\r\n';
const UNAUTHORIZED =
  'RTSP/1.0 401 Unauthorized\r\nCSeq: 3\r\nWWW-Authenticate: Digest realm="a", nonce="b"\r\nWWW-Authenticate: Basic realm="a"\r\n\r\n';
const STREAM = OPTIONS + DESCRIBE + UNAUTHORIZED;

function readAll(chunks: readonly string[] | readonly Buffer[]) {
  const reader = new RtspResponseReader();
  const responses = chunks.flatMap((chunk) =>
    reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk),
  );
  return { responses, partial: reader.partial };
}

describe('RtspResponseReader', () => {
  it('reads several responses from one chunk', () => {
    const { responses, partial } = readAll([STREAM]);
    expect(partial).toBe(false);
    expect(responses.map((r) => [r.status, r.reason, r.cseq])).toEqual([
      [200, 'OK', 1],
      [200, 'OK', 2],
      [401, 'Unauthorized', 3],
    ]);
    expect(responses[1]?.body.toString('utf8')).toBe('v=0\r\ns=é');
    expect(responses[1] && headerValue(responses[1], 'Content-Base')).toBe('rtsp://127.0.0.1/cam1/');
    expect(responses[2]?.headers.get('www-authenticate')).toEqual([
      'Digest realm="a", nonce="b"',
      'Basic realm="a"',
    ]);
  });

  it('reads the same responses however the bytes are split (every split point, and byte by byte)', () => {
    const bytes = Buffer.from(STREAM);
    const expected = readAll([STREAM]).responses;
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(readAll([bytes.subarray(0, cut), bytes.subarray(cut)]).responses).toEqual(expected);
    }
    const single = [...bytes].map((byte) => Buffer.from([byte]));
    expect(readAll(single).responses).toEqual(expected);
  });

  it('reports a partial response until its body is complete', () => {
    const { responses, partial } = readAll([DESCRIBE.slice(0, -3)]);
    expect(responses).toEqual([]);
    expect(partial).toBe(true);
  });

  it('accepts bare LF line ends, folded headers, a status without reason, and a missing CSeq', () => {
    const { responses } = readAll(['RTSP/1.0 200\nSession: 1234;\n timeout=60\nCSeq: x\n\n']);
    expect(responses[0]).toMatchObject({ status: 200, reason: '' });
    expect(responses[0]?.cseq).toBeUndefined();
    expect(responses[0] && headerValue(responses[0], 'session')).toBe('1234; timeout=60');
  });

  it.each([
    ['HTTP', 'HTTP/1.1 400 Bad Request\r\n\r\n', 'http'],
    ['binary garbage', '\u0016\u0003\u0001\u0000', 'not_rtsp'],
    ['text that is not RTSP', 'SSH-2.0-OpenSSH_9.2\r\n', 'not_rtsp'],
    ['a bad status line', 'RTSP/1.0 OK\r\n\r\n', 'malformed'],
    ['a header without colon', 'RTSP/1.0 200 OK\r\nCSeq 1\r\n\r\n', 'malformed'],
    ['a bad Content-Length', 'RTSP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n', 'malformed'],
    [
      'a huge Content-Length',
      `RTSP/1.0 200 OK\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`,
      'too_large',
    ],
    ['endless headers', `RTSP/1.0 200 OK\r\nX: ${'a'.repeat(MAX_HEAD_BYTES)}`, 'too_large'],
  ])('refuses %s', (_name, text, problem) => {
    expect(() => readAll([text])).toThrow(RtspProtocolError);
    expect(() => readAll([text])).toThrow(expect.objectContaining({ problem }));
  });

  it('waits on a prefix of RTSP/ or HTTP/ before deciding', () => {
    expect(readAll(['RTS']).partial).toBe(true);
    expect(readAll(['HTT']).partial).toBe(true);
  });
});

describe('formatRequest', () => {
  it('writes the request line and headers, CRLF-terminated', () => {
    expect(formatRequest('OPTIONS', 'rtsp://127.0.0.1/cam1', { CSeq: '1', Accept: 'application/sdp' })).toBe(
      'OPTIONS rtsp://127.0.0.1/cam1 RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n',
    );
  });

  it('refuses line breaks (header injection from a camera-supplied URL)', () => {
    expect(() => formatRequest('SETUP', 'rtsp://127.0.0.1/x\r\nEvil: 1', {})).toThrow(RtspProtocolError);
  });
});
