import { describe, expect, it } from 'vitest';

import {
  digestResponse,
  parseWwwAuthenticate,
  RtspAuthorizer,
  toDigestChallenge,
  type AuthChallenge,
} from '../../../main/rtsp/digest';

const challenge = (scheme: string, params: Record<string, string>): AuthChallenge => ({
  scheme,
  params: new Map(Object.entries(params)),
});

/** Splits a `Digest k="v", k=v` header into its fields. */
function fieldsOf(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of header.slice('Digest '.length).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    fields.set(match[1] ?? '', match[2] ?? match[3] ?? '');
  }
  return fields;
}

describe('digestResponse', () => {
  it("matches RFC 2617's worked example (MD5, qop=auth)", () => {
    expect(
      digestResponse({
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
        qop: 'auth',
        nc: '00000001',
        cnonce: '0a4f113b',
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  const rfc7616 = {
    username: 'Mufasa',
    password: 'Circle of Life',
    realm: 'http-auth@example.org',
    nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
    method: 'GET',
    uri: '/dir/index.html',
    qop: 'auth' as const,
    nc: '00000001',
    cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  };

  it.each([
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ])("matches RFC 7616's example with %s", (algorithm, expected) => {
    expect(digestResponse({ ...rfc7616, algorithm })).toBe(expected);
  });

  it('computes RFC 2069-style digest without qop: H(HA1:nonce:HA2)', () => {
    // HA1 = MD5("Mufasa:testrealm@host.com:Circle Of Life"), HA2 = MD5("GET:/dir/index.html")
    expect(
      digestResponse({
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
      }),
    ).toBe('670fd8c2df070c60b045671b8b24ff02');
  });

  it('rejects an unknown algorithm', () => {
    expect(() => digestResponse({ ...rfc7616, algorithm: 'SHA-1' })).toThrow(TypeError);
  });
});

describe('parseWwwAuthenticate', () => {
  it('reads several challenges from one header and from several headers', () => {
    const parsed = parseWwwAuthenticate([
      'Digest realm="cam, lobby", nonce="abc\\"def", qop="auth,auth-int", algorithm=MD5, stale=TRUE, Basic realm="cam"',
      'Negotiate',
      'NTLM abc==',
    ]);
    expect(parsed.map((c) => c.scheme)).toEqual(['digest', 'basic', 'negotiate', 'ntlm']);
    expect(Object.fromEntries(parsed[0]?.params ?? [])).toEqual({
      realm: 'cam, lobby',
      nonce: 'abc"def',
      qop: 'auth,auth-int',
      algorithm: 'MD5',
      stale: 'TRUE',
    });
    expect(Object.fromEntries(parsed[1]?.params ?? [])).toEqual({ realm: 'cam' });
  });

  it('tolerates odd spacing, empty values and stray characters', () => {
    const parsed = parseWwwAuthenticate([
      '  Basic   realm = "x" ,, Digest realm="", nonce=n1, opaque="" , "junk" =',
    ]);
    expect(parsed.map((c) => c.scheme)).toEqual(['basic', 'digest', 'junk']);
    expect(Object.fromEntries(parsed[1]?.params ?? [])).toEqual({ realm: '', nonce: 'n1', opaque: '' });
  });
});

describe('toDigestChallenge', () => {
  it.each([
    [
      { realm: 'r', nonce: 'n' },
      { realm: 'r', nonce: 'n', stale: false },
    ],
    [
      { realm: 'r', nonce: 'n', qop: 'auth-int, auth', opaque: 'o', algorithm: 'md5-sess', stale: 'true' },
      { realm: 'r', nonce: 'n', qop: 'auth', opaque: 'o', algorithm: 'md5-sess', stale: true },
    ],
    [{ realm: 'r', nonce: 'n', algorithm: 'SHA-512-256' }, { algorithm: 'SHA-512-256' }],
  ])('reads %j', (params, expected) => {
    expect(toDigestChallenge(challenge('digest', params))).toMatchObject(expected);
  });

  it.each([
    ['no nonce', challenge('digest', { realm: 'r' })],
    ['unknown algorithm', challenge('digest', { realm: 'r', nonce: 'n', algorithm: 'SHA-1' })],
    ['qop without auth', challenge('digest', { realm: 'r', nonce: 'n', qop: 'auth-int' })],
    ['not digest', challenge('basic', { realm: 'r' })],
  ])('refuses a challenge with %s', (_name, input) => {
    expect(toDigestChallenge(input)).toBeUndefined();
  });
});

describe('RtspAuthorizer', () => {
  const credentials = { username: 'ad"min', password: 'Circle Of Life' };

  it('prefers Digest, counts nc per nonce, and answers with a verifiable response', () => {
    const challenges = parseWwwAuthenticate([
      'Basic realm="cam"',
      'Digest realm="cam", nonce="n1", qop="auth", opaque="op"',
    ]);
    const auth = RtspAuthorizer.choose(challenges, credentials);
    expect(auth?.method).toBe('digest');
    const first = fieldsOf(auth?.header('DESCRIBE', 'rtsp://127.0.0.1/cam1') ?? '');
    const second = fieldsOf(auth?.header('SETUP', 'rtsp://127.0.0.1/cam1/stream=0') ?? '');
    expect(first.get('username')).toBe('ad\\"min');
    expect([first.get('nc'), second.get('nc')]).toEqual(['00000001', '00000002']);
    expect(first.get('cnonce')).not.toBe(second.get('cnonce'));
    expect(first.get('opaque')).toBe('op');
    expect(first.has('algorithm')).toBe(false);
    expect(first.get('response')).toBe(
      digestResponse({
        ...credentials,
        realm: 'cam',
        nonce: 'n1',
        method: 'DESCRIBE',
        uri: 'rtsp://127.0.0.1/cam1',
        qop: 'auth',
        nc: '00000001',
        cnonce: first.get('cnonce') ?? '',
      }),
    );
  });

  it('answers a no-qop Digest challenge without nc/cnonce, and echoes the algorithm', () => {
    const auth = RtspAuthorizer.choose(
      parseWwwAuthenticate(['Digest realm="cam", nonce="n1", algorithm=MD5']),
      credentials,
    );
    const fields = fieldsOf(auth?.header('DESCRIBE', 'rtsp://127.0.0.1/cam1') ?? '');
    expect(fields.has('nc')).toBe(false);
    expect(fields.has('qop')).toBe(false);
    expect(fields.get('algorithm')).toBe('MD5');
  });

  it('falls back to Basic when no Digest challenge is usable', () => {
    const auth = RtspAuthorizer.choose(
      parseWwwAuthenticate(['Digest realm="cam", nonce="n", algorithm=SHA-1', 'Basic realm="cam"']),
      { username: 'admin', password: 'pässword' },
    );
    expect(auth?.method).toBe('basic');
    expect(auth?.header('DESCRIBE', 'rtsp://127.0.0.1/cam1')).toBe(
      `Basic ${Buffer.from('admin:pässword').toString('base64')}`,
    );
  });

  it('returns undefined when neither Digest nor Basic is offered', () => {
    expect(RtspAuthorizer.choose(parseWwwAuthenticate(['NTLM']), credentials)).toBeUndefined();
  });

  it('renews only on stale=true, resetting nc', () => {
    const auth = RtspAuthorizer.choose(
      parseWwwAuthenticate(['Digest realm="cam", nonce="n1", qop=auth']),
      credentials,
    );
    auth?.header('OPTIONS', 'rtsp://127.0.0.1/cam1');
    expect(auth?.renew(parseWwwAuthenticate(['Digest realm="cam", nonce="n2", qop=auth']))).toBe(false);
    expect(auth?.renew(parseWwwAuthenticate(['Digest realm="cam", nonce="n3", qop=auth, stale=true']))).toBe(
      true,
    );
    const fields = fieldsOf(auth?.header('DESCRIBE', 'rtsp://127.0.0.1/cam1') ?? '');
    expect([fields.get('nonce'), fields.get('nc')]).toEqual(['n3', '00000001']);
  });

  it('never renews Basic', () => {
    const auth = RtspAuthorizer.choose(parseWwwAuthenticate(['Basic realm="cam"']), credentials);
    expect(auth?.renew(parseWwwAuthenticate(['Digest realm="cam", nonce="n3", stale=true']))).toBe(false);
  });
});
