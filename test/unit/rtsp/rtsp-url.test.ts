import { describe, expect, it } from 'vitest';

import { RtspUrlError } from '../../../main/rtsp/errors';
import { formatHostPort, parseRtspUrl, withoutCredentials } from '../../../main/rtsp/rtsp-url';

describe('parseRtspUrl', () => {
  it.each([
    ['rtsp://127.0.0.1/cam1', { url: 'rtsp://127.0.0.1/cam1', host: '127.0.0.1', port: 554, path: '/cam1' }],
    [
      'rtsp://127.0.0.1:8554/cam1',
      { url: 'rtsp://127.0.0.1:8554/cam1', host: '127.0.0.1', port: 8554, path: '/cam1' },
    ],
    ['RTSP://127.0.0.1:554', { url: 'rtsp://127.0.0.1:554', host: '127.0.0.1', port: 554, path: '/' }],
    ['  rtsp://127.0.0.1/a?b=1&c=2  ', { url: 'rtsp://127.0.0.1/a?b=1&c=2', path: '/a?b=1&c=2' }],
    ['rtsp://127.0.0.1?channel=1', { url: 'rtsp://127.0.0.1?channel=1', path: '/?channel=1' }],
    ['rtsp://[::1]:8554/live', { url: 'rtsp://[::1]:8554/live', host: '::1', port: 8554, path: '/live' }],
    ['rtsp://[::1]/live', { url: 'rtsp://[::1]/live', host: '::1', port: 554 }],
    ['rtsp://Localhost:8554/x', { url: 'rtsp://localhost:8554/x', host: 'localhost' }],
    ['rtsp://cam-1.lobby.example/x', { host: 'cam-1.lobby.example', port: 554 }],
  ])('accepts %s', (input, expected) => {
    const target = parseRtspUrl(input);
    expect(target).toMatchObject(expected);
    expect(target).not.toHaveProperty('username');
    expect(target).not.toHaveProperty('password');
  });

  it.each([
    ['rtsp://admin:secret@127.0.0.1:8554/cam1', 'admin', 'secret'],
    ['rtsp://admin:p%40ss%3Aw%2Fo%25rd@127.0.0.1/cam1', 'admin', 'p@ss:w/o%rd'],
    ['rtsp://d%C3%A9sir%C3%A9e:%F0%9F%94%91@127.0.0.1/cam1', 'désirée', '🔑'],
    ['rtsp://admin:pa@ss@127.0.0.1/cam1', 'admin', 'pa@ss'],
    ['rtsp://admin:a:b@[::1]:8554/cam1', 'admin', 'a:b'],
    ['rtsp://admin:@127.0.0.1/cam1', 'admin', ''],
    ['rtsp://admin@127.0.0.1/cam1', 'admin', undefined],
  ])('moves the credentials out of %s', (input, username, password) => {
    const target = parseRtspUrl(input);
    expect(target.username).toBe(username);
    expect(target.password).toBe(password);
    expect(target.url).not.toContain('@');
    expect(target.url).toMatch(/^rtsp:\/\/(127\.0\.0\.1|127\.0\.0\.1:8554|\[::1\]:8554)\/cam1$/);
  });

  it.each([
    ['', /empty/],
    ['127.0.0.1:554/cam1', /must start with rtsp:\/\//],
    ['rtsps://127.0.0.1/cam1', /rtsps/],
    ['http://127.0.0.1/cam1', /not http:\/\//],
    ['rtspu://127.0.0.1/cam1', /not rtspu:\/\//],
    ['rtsp:///cam1', /no camera address/],
    ['rtsp://127.0.0.1:0/cam1', /port/],
    ['rtsp://127.0.0.1:65536/cam1', /port/],
    ['rtsp://127.0.0.1:/cam1', /port/],
    ['rtsp://127.0.0.1:abc/cam1', /port/],
    ['rtsp://admin:pa/ss@127.0.0.1/cam1', /percent-encode/],
    ['rtsp://[::1/cam1', /IPv6/],
    ['rtsp://[127.0.0.1]/cam1', /IPv6/],
    ['rtsp://[::1]x/cam1', /after the IPv6/],
    ['rtsp://::1/cam1', /brackets/],
    ['rtsp://127.0.0.256/cam1', /not a valid IP address or host name/],
    ['rtsp://-cam/x', /not a valid/],
    ['rtsp://cam_1/x', /not a valid/],
    ['rtsp://127.0.0.1/my cam', /spaces/],
    ['rtsp://127.0.0.1/cam\n1', /control characters/],
    ['rtsp://127.0.0.1/cam#1', /#/],
    ['rtsp://admin:100%@127.0.0.1/cam1', /password .*%-escape/],
    // Encoded control characters never leave the URL as a user name or password (CR LF into a header, NUL).
    ['rtsp://admin%0D%0AX-Injected:%20yes:pw@127.0.0.1/cam1', /user name .*control character/],
    ['rtsp://admin:pw%00@127.0.0.1/cam1', /password .*control character/],
    ['rtsp://admin:pw%7F@127.0.0.1/cam1', /password .*control character/],
  ])('rejects %j with a reason', (input, message) => {
    let thrown: unknown;
    try {
      parseRtspUrl(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RtspUrlError);
    expect(thrown).toMatchObject({ code: 'VIGIL_ERR_INVALID_RTSP_URL', field: 'rtsp_url' });
    expect((thrown as Error).message).toMatch(message);
  });

  it('never puts the password in its error messages', () => {
    expect(() => parseRtspUrl('rtsp://admin:hunter2%zz@127.0.0.1/cam1')).toThrow(RtspUrlError);
    expect(() => parseRtspUrl('rtsp://admin:hunter2%zz@127.0.0.1/cam1')).not.toThrow(/hunter2/);
    expect(() => parseRtspUrl('rtsp://admin:hun/ter2@127.0.0.1/cam1')).not.toThrow(/hun|ter2/);
  });
});

describe('withoutCredentials', () => {
  it.each([
    ['rtsp://admin:pw@127.0.0.1:8554/cam1/', 'rtsp://127.0.0.1:8554/cam1/'],
    ['rtsp://a:p@w@127.0.0.1/x?u=a@b', 'rtsp://127.0.0.1/x?u=a@b'],
    ['rtsp://127.0.0.1/x@y', 'rtsp://127.0.0.1/x@y'],
    ['trackID=1', 'trackID=1'],
  ])('%s → %s', (input, expected) => {
    expect(withoutCredentials(input)).toBe(expected);
  });
});

describe('formatHostPort', () => {
  it('brackets IPv6 addresses only', () => {
    expect(formatHostPort('::1', 8554)).toBe('[::1]:8554');
    expect(formatHostPort('127.0.0.1', 554)).toBe('127.0.0.1:554');
  });
});
