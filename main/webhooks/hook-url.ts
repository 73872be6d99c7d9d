// Which URLs a webhook may target. The schema already refuses other schemes, user:password and fragments; here
// the URL must parse, with a host, and its port must not be the station's own (a hook calling the station
// itself would loop). Loopback and LAN hosts are allowed: a VAS beside the station is the usual receiver.
import { ErrorCode, VigilError } from '../../common/errors';

/** The parsed target of a hook, or a 400 naming `url` and what is wrong. */
export function checkHookUrl(text: string, ownPort: number | undefined): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VigilError(
      ErrorCode.Validation,
      'url is not a valid URL, e.g. https://vas.example/hooks',
      'url',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VigilError(ErrorCode.Validation, 'url must start with http:// or https://', 'url');
  }
  if (url.username !== '' || url.password !== '') {
    throw new VigilError(
      ErrorCode.Validation,
      'url must not hold user:password (it would be listed); the secret authenticates deliveries',
      'url',
    );
  }
  if (url.hostname === '') throw new VigilError(ErrorCode.Validation, 'url needs a host', 'url');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (ownPort !== undefined && port === ownPort && isLoopback(url.hostname)) {
    throw new VigilError(
      ErrorCode.Validation,
      "url points at this station's own API: a hook must target the receiver, not the station",
      'url',
    );
  }
  return url;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
