import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APP_ORIGIN, handleAppProtocol, resolveAppFile, urlOrigin } from '../../../main/app/app-protocol';
import type { RecordingService } from '../../../main/recording/service';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-protocol-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>wall</title>');
  await writeFile(join(root, 'renderer', 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.key'), 'k');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  const dir = () => join(root, 'renderer');

  it.each([
    [`${APP_ORIGIN}/`, 'index.html'],
    [`${APP_ORIGIN}/index.html`, 'index.html'],
    [`${APP_ORIGIN}/assets/index.js?v=1#x`, join('assets', 'index.js')],
  ])('%s → %s', (url, file) => {
    expect(resolveAppFile(url, dir())).toBe(join(dir(), file));
  });

  it.each([
    'vigil://wall/../secret.key',
    'vigil://wall/%2e%2e/secret.key',
    'vigil://wall/assets/%2e%2e%2f%2e%2e%2fsecret.key',
    'vigil://wall/%2e%2e%5csecret.key',
    'vigil://wall/index.html%00.js',
    'vigil://wall/%E0%A4%A',
    'vigil://other/index.html',
    'file:///etc/passwd',
    'vigil://wall/assets/',
    'vigil://wall/notes.txt',
    'not a url',
  ])('%s is refused', (url) => {
    expect(resolveAppFile(url, dir())).toBeUndefined();
  });
});

describe('urlOrigin', () => {
  it('keeps a custom scheme and host (WHATWG origin would be "null")', () => {
    expect(urlOrigin('vigil://wall/index.html')).toBe('vigil://wall');
    expect(urlOrigin('::')).toBeUndefined();
  });
});

describe('handleAppProtocol', () => {
  type Handler = (request: { url: string; method: string; signal?: AbortSignal }) => Promise<Response>;
  /** The scheme's handler over `recordings`, as a stand-in protocol module receives it. */
  function appHandler(recordings: Pick<RecordingService, 'playback'>): Handler {
    let registered: Handler | undefined;
    handleAppProtocol(
      { handle: (_s: string, fn: Handler) => (registered = fn) } as never,
      join(root, 'renderer'),
      () => "default-src 'self'",
      recordings,
    );
    return (request) => {
      if (registered === undefined) throw new Error('no protocol handler registered');
      return registered(request);
    };
  }

  it('serves recorded playback to the app page, with the CSP', async () => {
    const asked: [string, string][] = [];
    const handler = appHandler({
      playback: (cameraId, from) => {
        asked.push([cameraId, from]);
        return Promise.resolve({
          start: '2026-12-02T10:00:00.000Z',
          body: Readable.from([Buffer.from('mp4')]),
        });
      },
    });
    const url = `${APP_ORIGIN}/cameras/lobby%201/playback?from=2026-12-02T10%3A00%3A01Z`;
    const answer = await handler({ url, method: 'GET', signal: new AbortController().signal });
    expect(asked).toEqual([['lobby 1', '2026-12-02T10:00:01Z']]);
    expect(answer.headers.get('content-type')).toBe('video/mp4');
    expect(answer.headers.get('x-vigil-playback-start')).toBe('2026-12-02T10:00:00.000Z');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await answer.text()).toBe('mp4');
  });

  it('serves the page with its type, the CSP and nosniff', async () => {
    const handler = appHandler({ playback: () => Promise.reject(new Error('not asked')) });
    const page = await handler({ url: `${APP_ORIGIN}/`, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>wall</title>');
    const escape = await handler({ url: 'vigil://wall/../secret.key', method: 'GET' });
    expect(escape.status).toBe(404);
    expect(escape.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect((await handler({ url: `${APP_ORIGIN}/`, method: 'POST' })).status).toBe(404);
    expect((await handler({ url: `${APP_ORIGIN}/missing.js`, method: 'GET' })).status).toBe(404);
  });
});
