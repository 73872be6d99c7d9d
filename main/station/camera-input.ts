import { ErrorCode, VigilError } from '../../common/errors';
import type { ProbeRequest, ProbeResult } from '../../common/probe';
import { RtspUrlError } from '../rtsp/errors';
import { parseRtspUrl } from '../rtsp/rtsp-url';

/** A camera's RTSP location with credentials moved out of the URL. */
export interface CameraSource {
  url: string;
  username: string;
  password: string;
}

/** Failures that mean "the camera is not answering now" (as opposed to "it answered: this is wrong"). */
const OFFLINE_REASONS = new Set<string>([
  'connection_refused',
  'host_unreachable',
  'timeout',
  'connection_closed',
  'network_error',
]);

function parseUrl(url: string, field: string) {
  try {
    return parseRtspUrl(url);
  } catch (error) {
    if (error instanceof RtspUrlError)
      throw new VigilError(ErrorCode.Validation, error.message, field, { cause: error });
    throw error;
  }
}

/**
 * Moves credentials out of `rtsp_url`. Precedence: explicit `username`/`password`, then ones inside the URL,
 * then `fallback` (what is stored today). A URL that is not a usable rtsp:// URL is a validation error.
 */
export function cameraSource(
  rtspUrl: string,
  explicit: { username?: string | undefined; password?: string | undefined },
  fallback: { username: string; password: string } = { username: '', password: '' },
): CameraSource {
  const target = parseUrl(rtspUrl, 'rtsp_url');
  return {
    url: target.url,
    username: explicit.username ?? target.username ?? fallback.username,
    password: explicit.password ?? target.password ?? fallback.password,
  };
}

/** A sub-stream URL: same camera credentials, so none may be inside it. */
export function substreamUrl(url: string | null | undefined): string | null {
  if (url === undefined || url === null) return null;
  const target = parseUrl(url, 'substream_url');
  if (target.username !== undefined || target.password !== undefined) {
    throw new VigilError(
      ErrorCode.Validation,
      "substream_url must not contain a username or password: the camera's username and password are used for it",
      'substream_url',
    );
  }
  return target.url;
}

/** Turns a failed probe into the error `POST /cameras` answers, or undefined when the camera may be added anyway. */
export function probeRefusal(result: ProbeResult, allowOffline: boolean): VigilError | undefined {
  if (result.ok) return undefined;
  if (allowOffline && OFFLINE_REASONS.has(result.reason)) return undefined;
  const hint = OFFLINE_REASONS.has(result.reason) ? ' To add it anyway, send "allow_offline": true.' : '';
  return new VigilError(ErrorCode.CameraUnreachable, `${result.message}${hint}`, result.field ?? 'rtsp_url');
}

/** Whether a camera's mountpoint carries audio: only when a probe found audio Janus relays (unknown means no). */
export function relaysAudio(probed: ProbeResult | undefined): boolean {
  return probed?.ok === true && probed.audio_relayed;
}

/** The probe request for a camera source. */
export function probeRequestOf(source: CameraSource): ProbeRequest {
  return { rtsp_url: source.url, username: source.username, password: source.password };
}
