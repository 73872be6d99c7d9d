import { afterEach, describe, expect, it } from 'vitest';

import { BrowserSessions } from '../../../main/api/browser-sessions';
import { SESSION_COOKIE } from '../../../main/api/session';
import { cameraInput, errorOf, headers, json, makeApi, type TestApi } from './fixtures';

const built: TestApi[] = [];
afterEach(async () => {
  await Promise.all(built.splice(0).map((b) => b.app.close()));
});

async function withSessions(sessions: BrowserSessions): Promise<TestApi> {
  const api = await makeApi({ sessions });
  built.push(api);
  return api;
}

/** Follows a sign-in link and returns the cookie pair `vigil_session=…`. */
async function signIn(api: TestApi, sessions: BrowserSessions): Promise<string> {
  const { token } = sessions.issueToken();
  const response = await api.app.inject({ url: `/?token=${token}`, headers: headers() });
  expect(response.statusCode).toBe(303);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (cookie === undefined) throw new Error('no session cookie');
  return `${SESSION_COOKIE}=${cookie.value}`;
}

const ORIGIN = 'http://127.0.0.1:3000';

describe('GET /?token=', () => {
  it('keeps a named wall through the sign-in: /?token=…&wall=NAME lands on /?wall=NAME', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const named = await api.app.inject({
      url: `/?token=${sessions.issueToken().token}&wall=desk-1-left`,
      headers: headers(),
    });
    expect([named.statusCode, named.headers.location]).toEqual([303, '/?wall=desk-1-left']);
    const odd = await api.app.inject({
      url: `/?token=${sessions.issueToken().token}&wall=%2F%2Fevil.example`,
      headers: headers(),
    });
    expect(odd.headers.location).toBe('/');
  });

  it('sets an HttpOnly, SameSite=Strict, Path=/ session cookie and redirects to / without the token', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const { token } = sessions.issueToken();
    const response = await api.app.inject({ url: `/?token=${token}`, headers: headers() });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(response.headers['cache-control']).toBe('no-store');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^vigil_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).not.toContain(token);
  });

  it('marks the cookie Secure when asked', async () => {
    const sessions = new BrowserSessions({ secureCookie: true });
    const api = await withSessions(sessions);
    const response = await api.app.inject({
      url: `/?token=${sessions.issueToken().token}`,
      headers: headers(),
    });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  it('refuses a used or expired token: 401 in the error shape, or a page for browsers', async () => {
    let now = 0;
    const sessions = new BrowserSessions({ now: () => now });
    const api = await withSessions(sessions);
    const { token } = sessions.issueToken();
    await api.app.inject({ url: `/?token=${token}`, headers: headers() });
    const again = await api.app.inject({ url: `/?token=${token}`, headers: headers() });
    expect(again.statusCode).toBe(401);
    expect(errorOf(again).code).toBe('VIGIL_ERR_UNAUTHENTICATED');
    expect(again.headers['set-cookie']).toBeUndefined();
    const expired = sessions.issueToken().token;
    now += 11 * 60_000;
    const page = await api.app.inject({
      url: `/?token=${expired}`,
      headers: headers(undefined, { accept: 'text/html' }),
    });
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('already used or has expired');
  });

  it('redirects a browser that is already signed in even when the link is spent', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const { token } = sessions.issueToken();
    const first = await api.app.inject({ url: `/?token=${token}`, headers: headers() });
    const cookie = `${SESSION_COOKIE}=${first.cookies[0]?.value ?? ''}`;
    const again = await api.app.inject({ url: `/?token=${token}`, headers: headers(undefined, { cookie }) });
    expect(again.statusCode).toBe(303);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('ignores the token when the station has no browser sessions', async () => {
    const api = await makeApi();
    built.push(api);
    const response = await api.app.inject({ url: '/?token=abc', headers: headers() });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ service: 'vigil' });
  });
});

describe('the session cookie', () => {
  it('authenticates reads like a manage key, and /health detail', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    await api.station.addCamera(cameraInput());
    const cookie = await signIn(api, sessions);
    const cameras = await api.app.inject({ url: '/cameras', headers: headers(undefined, { cookie }) });
    expect(cameras.statusCode).toBe(200);
    expect(json(cameras)).toHaveLength(1);
    const health = await api.app.inject({ url: '/health', headers: headers(undefined, { cookie }) });
    expect(json(health)).toHaveProperty('cameras');
    const bogus = await api.app.inject({
      url: '/cameras',
      headers: headers(undefined, { cookie: `${SESSION_COOKIE}=forged` }),
    });
    expect(bogus.statusCode).toBe(401);
  });

  it('allows changes only from the station origin with a JSON body', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const cookie = await signIn(api, sessions);
    const post = (extra: Record<string, string>) =>
      api.app.inject({
        method: 'POST',
        url: '/cameras',
        headers: headers(undefined, { cookie, ...extra }),
        payload: JSON.stringify(cameraInput()),
      });
    const noOrigin = await post({ 'content-type': 'application/json' });
    expect(noOrigin.statusCode).toBe(403);
    expect(errorOf(noOrigin).code).toBe('VIGIL_ERR_FORBIDDEN');
    expect(
      (await post({ 'content-type': 'application/json', origin: 'http://127.0.0.1:8088' })).statusCode,
    ).toBe(403);
    expect((await post({ 'content-type': 'text/plain', origin: ORIGIN })).statusCode).toBe(403);
    expect((await post({ 'content-type': 'application/json', origin: ORIGIN })).statusCode).toBe(201);
    const restart = await api.app.inject({
      method: 'POST',
      url: '/cameras/entrance_cam/restart',
      headers: headers(undefined, { cookie, origin: ORIGIN, 'content-type': 'application/json' }),
    });
    expect(restart.statusCode).toBe(200);
  });

  it('gives way to an Authorization header', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const cookie = await signIn(api, sessions);
    const response = await api.app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('view', { cookie, origin: ORIGIN, 'content-type': 'application/json' }),
      payload: JSON.stringify(cameraInput()),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /session/logout and /session/signin-link', () => {
  it('ends the session and clears the cookie', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const cookie = await signIn(api, sessions);
    const out = await api.app.inject({
      method: 'POST',
      url: '/session/logout',
      headers: headers(undefined, { cookie, origin: ORIGIN, 'content-type': 'application/json' }),
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^vigil_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(
      (await api.app.inject({ url: '/cameras', headers: headers(undefined, { cookie }) })).statusCode,
    ).toBe(401);
  });

  it.each([
    ['another port of the same host', { origin: 'http://127.0.0.1:1', 'content-type': 'application/json' }],
    ['no Origin', { 'content-type': 'application/json' }],
    ['its own origin without a JSON body type', { origin: ORIGIN }],
  ])('refuses a sign-out from %s and keeps the session', async (_from, extra) => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const cookie = await signIn(api, sessions);
    const out = await api.app.inject({
      method: 'POST',
      url: '/session/logout',
      headers: headers(undefined, { cookie, ...extra }),
    });
    expect(out.statusCode).toBe(403);
    expect(errorOf(out).code).toBe('VIGIL_ERR_FORBIDDEN');
    expect(out.headers['set-cookie']).toBeUndefined();
    expect(
      (await api.app.inject({ url: '/cameras', headers: headers(undefined, { cookie }) })).statusCode,
    ).toBe(200);
  });

  it('answers a sign-out without a session cookie (nothing to end) from anywhere', async () => {
    const api = await withSessions(new BrowserSessions());
    const out = await api.app.inject({ method: 'POST', url: '/session/logout', headers: headers() });
    expect(out.statusCode).toBe(200);
  });

  it('makes a new sign-in link for a manage key only', async () => {
    const sessions = new BrowserSessions();
    const api = await withSessions(sessions);
    const view = await api.app.inject({
      method: 'POST',
      url: '/session/signin-link',
      headers: headers('view'),
    });
    expect(view.statusCode).toBe(403);
    const made = await api.app.inject({
      method: 'POST',
      url: '/session/signin-link',
      headers: headers('manage'),
    });
    expect(made.statusCode).toBe(200);
    const { path, url } = json(made) as { path: string; url: string };
    expect(path).toMatch(/^\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`http://${headers().host}${path}`);
    expect((await api.app.inject({ url: path, headers: headers() })).statusCode).toBe(303);
  });
});
