import { EventEmitter } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import {
  ExternalLinks,
  guardSession,
  guardWebContents,
  isAppUrl,
  isPermissionAllowed,
} from '../../../main/app/window-guards';

const APP = 'vigil://wall';

/** A page stand-in: events are emitted by the test, the window-open handler is captured. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
    navigate(event: string, url: string): boolean {
      const preventDefault = vi.fn();
      if (event === 'will-frame-navigate') emitter.emit(event, { url, preventDefault });
      else emitter.emit(event, { preventDefault }, url);
      return preventDefault.mock.calls.length === 0;
    },
    open: (url: string) => openHandler?.({ url }),
    emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
  };
}

const TRICKY_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:7100/',
  'file:///etc/passwd',
  'file:///opt/vigil/out/renderer/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vigil://evil/index.html',
  'vigil://wall@evil.example/',
  'vigil://wall.evil.example/',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  '',
  'not a url',
];

describe('isAppUrl', () => {
  it.each(TRICKY_URLS)('%s is not the app', (url) => {
    expect(isAppUrl(url, APP)).toBe(false);
  });

  it.each([`${APP}/`, `${APP}/index.html`, `${APP}/index.html?view=lobby#x`])('%s is the app', (url) => {
    expect(isAppUrl(url, APP)).toBe(true);
  });
});

describe('guardWebContents', () => {
  const setup = () => {
    const contents = fakeContents();
    const links = new ExternalLinks();
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const onOpenFailed = vi.fn();
    guardWebContents(contents as never, { appOrigin: APP, links, shell, onOpenFailed });
    return { contents, links, shell, onOpenFailed };
  };

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s away from the app is stopped',
    (event) => {
      const { contents } = setup();
      for (const url of TRICKY_URLS) expect(contents.navigate(event, url), url).toBe(false);
      expect(contents.navigate(event, `${APP}/index.html`)).toBe(true);
    },
  );

  it('denies every new window, and opens only links the app made in the system browser', () => {
    const { contents, links, shell } = setup();
    const docs = links.allow('http://127.0.0.1:7100/docs');
    for (const url of [...TRICKY_URLS, `${APP}/index.html`, 'http://127.0.0.1:7100/docs/../metrics']) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(contents.open(docs)).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(docs);
  });

  it('reports a link the system could not open', async () => {
    const { contents, links, shell, onOpenFailed } = setup();
    const failure = new Error('no browser');
    shell.openExternal.mockReturnValueOnce(Promise.reject(failure));
    contents.open(links.allow('http://127.0.0.1:7100/docs'));
    await vi.waitFor(() => {
      expect(onOpenFailed).toHaveBeenCalledExactlyOnceWith(failure);
    });
  });

  it('refuses every webview', () => {
    const { contents } = setup();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, { src: 'https://evil.example/' });
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

describe('ExternalLinks', () => {
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'vigil://wall/', 'smb://host/share'])(
    'refuses to record %s',
    (url) => {
      expect(() => new ExternalLinks().allow(url)).toThrow(/only http\(s\) links/);
    },
  );
});

describe('permissions', () => {
  it.each([
    ['fullscreen', true],
    ['media', false],
    ['geolocation', false],
    ['notifications', false],
    ['clipboard-read', false],
    ['openExternal', false],
    ['display-capture', false],
  ])('%s → %s for requests and checks', (permission, allowed) => {
    expect(isPermissionAllowed(permission)).toBe(allowed);
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    guardSession(session);
    const callback = vi.fn();
    const [request] = session.setPermissionRequestHandler.mock.calls[0] as [
      (c: unknown, p: string, cb: (granted: boolean) => void) => void,
    ];
    request({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(allowed);
    const [check] = session.setPermissionCheckHandler.mock.calls[0] as [(c: unknown, p: string) => boolean];
    expect(check({}, permission)).toBe(allowed);
  });
});
