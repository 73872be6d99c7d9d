// What an app page may not do: navigate away from the app, open windows, embed webviews, or get permissions
// (only full screen). Links the app itself made (help, the API docs) open in the system browser.
import type { Session, Shell, WebContents } from 'electron';

import { runInBackground } from '../../common/background';
import { urlOrigin } from './app-protocol';

/** The only permission a page is granted (autoplay is a web preference, not a permission). */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

/** http(s) links the app made itself; only these may be opened outside. */
export class ExternalLinks {
  readonly #urls = new Set<string>();

  /** Records a link the app made (an http or https URL); returns it. Anything else is refused. */
  allow(url: string): string {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`only http(s) links may open outside the app, not ${parsed.protocol}`);
    }
    this.#urls.add(parsed.href);
    return parsed.href;
  }

  /** Whether a URL is exactly one the app made. */
  has(url: string): boolean {
    try {
      return this.#urls.has(new URL(url).href);
    } catch {
      return false;
    }
  }
}

/** Whether a navigation target stays on the app's own origin. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return urlOrigin(url) === appOrigin;
}

/** Whether a permission request is granted. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Applies the guards to one page. */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  deps: {
    appOrigin: string;
    links: ExternalLinks;
    shell: Pick<Shell, 'openExternal'>;
    /** Told when the system could not open a link. */
    onOpenFailed: (error: unknown) => void;
  },
): void {
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url, deps.appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, deps.appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (deps.links.has(url)) runInBackground(deps.shell.openExternal(url), deps.onOpenFailed);
    return { action: 'deny' };
  });
}

/** Denies every permission but full screen on the app's session, for requests and checks alike. */
export function guardSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionAllowed(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
