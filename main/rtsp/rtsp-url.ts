import { isIPv4, isIPv6 } from 'node:net';

import { RtspUrlError } from './errors';

/** Port an `rtsp://` URL without one uses. */
export const DEFAULT_RTSP_PORT = 554;

/** An `rtsp://` URL split for use, with the credentials taken out of it. */
export interface RtspTarget {
  /** The URL without credentials, e.g. `rtsp://127.0.0.1:8554/cam1?subtype=0`. */
  url: string;
  /** Host name or IP address; an IPv6 address without brackets. */
  host: string;
  /** TCP port (554 when the URL has none). */
  port: number;
  /** Path and query, at least `/`. */
  path: string;
  /** Percent-decoded user name found in the URL. */
  username?: string;
  /** Percent-decoded password found in the URL. */
  password?: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const FORBIDDEN = /[\s\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const FORBIDDEN_CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Parses an `rtsp://` URL and moves any `user:password@` out of it.
 * @example parseRtspUrl('rtsp://admin:p%40ss@127.0.0.1:8554/cam1') // { url: 'rtsp://127.0.0.1:8554/cam1', username: 'admin', password: 'p@ss', … }
 */
export function parseRtspUrl(input: string): RtspTarget {
  const text = input.trim();
  if (text === '') {
    fail("rtsp_url is empty. Enter the camera's RTSP address, e.g. rtsp://CAMERA-IP:554/stream1.");
  }
  if (FORBIDDEN.test(text)) {
    fail('rtsp_url contains spaces or control characters. Remove them, or percent-encode them (%20).');
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) fail('rtsp_url must start with rtsp://, e.g. rtsp://CAMERA-IP:554/stream1.');
  if (scheme === 'rtsps') {
    fail("Janus cannot use rtsps:// (RTSP over TLS). Use the camera's plain rtsp:// address instead.");
  }
  if (scheme !== 'rtsp') {
    fail(
      `rtsp_url must start with rtsp://, not ${scheme}://. Use the camera's RTSP address (often on port 554).`,
    );
  }
  if (text.includes('#')) {
    fail('rtsp_url must not contain "#". Percent-encode it as %23 if it is part of the path.');
  }

  const rest = text.slice('rtsp://'.length);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const pathAndQuery = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const at = authority.lastIndexOf('@');
  const credentials = at === -1 ? undefined : splitCredentials(authority.slice(0, at));
  const { host, port, cleanAuthority } = parseHostPort(at === -1 ? authority : authority.slice(at + 1));
  const path = pathAndQuery.startsWith('?') ? `/${pathAndQuery}` : pathAndQuery || '/';
  return { url: `rtsp://${cleanAuthority}${pathAndQuery}`, host, port, path, ...credentials };
}

/** Removes `user:password@` from an absolute URL (cameras sometimes echo it in Content-Base). */
export function withoutCredentials(url: string): string {
  const scheme = SCHEME.exec(url);
  if (scheme === null) return url;
  const start = scheme[0].length;
  const authorityEnd = url.slice(start).search(/[/?#]/);
  const authority = authorityEnd === -1 ? url.slice(start) : url.slice(start, start + authorityEnd);
  const at = authority.lastIndexOf('@');
  return at === -1 ? url : url.slice(0, start) + url.slice(start + at + 1);
}

/** `host:port` for messages, with brackets around an IPv6 address. */
export function formatHostPort(host: string, port: number): string {
  return `${isIPv6(host) ? `[${host}]` : host}:${port}`;
}

function splitCredentials(userinfo: string): { username?: string; password?: string } {
  const colon = userinfo.indexOf(':');
  const username = decode(colon === -1 ? userinfo : userinfo.slice(0, colon), 'user name');
  const password = colon === -1 ? undefined : decode(userinfo.slice(colon + 1), 'password');
  return {
    ...(username === '' ? {} : { username }),
    ...(password === undefined ? {} : { password }),
  };
}

/** Percent-decodes a user name or password; one that decodes to a control character (%0D%0A, %00…) is refused. */
function decode(text: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return fail(
      `The ${what} in rtsp_url has a broken %-escape. Write "%" as %25, or enter the ${what} in its own field.`,
    );
  }
  // A CR LF would reach the camera inside an RTSP header, and Janus never answers a request holding a NUL.
  if (FORBIDDEN_CONTROL.test(decoded)) {
    fail(`The ${what} in rtsp_url contains a control character (such as %0D, %0A or %00). Remove it.`);
  }
  return decoded;
}

function parseHostPort(hostPort: string): { host: string; port: number; cleanAuthority: string } {
  let host: string;
  let portText: string | undefined;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    host = close === -1 ? '' : hostPort.slice(1, close);
    if (!isIPv6(host)) {
      fail('The IPv6 address in rtsp_url is not valid. Write it in brackets, e.g. rtsp://[::1]:554/stream1.');
    }
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      fail('rtsp_url has text after the IPv6 address. Use rtsp://[address]:port/path.');
    }
    portText = after === '' ? undefined : after.slice(1);
  } else {
    const colon = hostPort.indexOf(':');
    host = (colon === -1 ? hostPort : hostPort.slice(0, colon)).toLowerCase();
    portText = colon === -1 ? undefined : hostPort.slice(colon + 1);
    if (isIPv6(hostPort)) fail('Put an IPv6 address in brackets in rtsp_url, e.g. rtsp://[::1]:554/stream1.');
    if (host === '') fail('rtsp_url has no camera address. Use rtsp://CAMERA-IP:554/path.');
    if (!isIPv4(host) && !isHostname(host)) {
      fail(`"${host}" in rtsp_url is not a valid IP address or host name. Check the camera's address.`);
    }
  }
  const port = portText === undefined ? DEFAULT_RTSP_PORT : parsePort(portText);
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return { host, port, cleanAuthority: portText === undefined ? bracketed : `${bracketed}:${port}` };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    fail(
      'The port in rtsp_url must be a number from 1 to 65535 (RTSP usually uses 554). If the password contains ":" "/" or "@", percent-encode them or enter the password in its own field.',
    );
  }
  return port;
}

function isHostname(host: string): boolean {
  if (host.length > 253 || /^[\d.]+$/.test(host)) return false;
  return host
    .replace(/\.$/, '')
    .split('.')
    .every((label) => HOSTNAME_LABEL.test(label));
}

function fail(message: string): never {
  throw new RtspUrlError(message);
}
