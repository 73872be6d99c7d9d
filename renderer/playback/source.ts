// Playback streams over HTTP: `GET /cameras/{id}/playback?from=ISO` read as a stream by `fetch`. The wall
// sends its session cookie (same origin), the SDK a bearer key. Refusals become VigilError like every
// other call of the station's API.
import { ErrorCode, VigilError, errorFromWire } from '../../common/errors';
import { PLAYBACK_START_HEADER, playbackPath } from '../../common/recording';
import type { FetchLike } from '../station-api/http-client';
import type { PlaybackSource, PlaybackStream } from './media';

/** Where and how to reach the station (as the HTTP client takes it). */
export interface HttpPlaybackOptions {
  /** The station's origin; empty for the page's own. */
  baseUrl?: string | undefined;
  /** A station API key (sent as a bearer token); without one the session cookie is the login. */
  apiKey?: string | undefined;
  fetch?: FetchLike | undefined;
}

/** The URL of a camera's playback stream from `fromMs`. */
export function playbackUrl(baseUrl: string, cameraId: string, fromMs: number): string {
  return `${baseUrl.replace(/\/+$/, '')}${playbackPath(cameraId, new Date(fromMs))}`;
}

async function refusal(response: Response): Promise<VigilError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return errorFromWire(body, response.status);
}

/**
 * A `PlaybackSource` over the station's REST API.
 * @example
 * const source = httpPlaybackSource({ baseUrl: 'http://127.0.0.1:3000', apiKey });
 * const stream = await source('lobby', Date.now() - 30_000, new AbortController().signal);
 */
export function httpPlaybackSource(options: HttpPlaybackOptions = {}): PlaybackSource {
  const send: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  return async (cameraId, fromMs, signal): Promise<PlaybackStream> => {
    const headers: Record<string, string> = { accept: 'video/mp4' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    const url = playbackUrl(options.baseUrl ?? '', cameraId, fromMs);
    let response: Response;
    try {
      response = await send(url, { credentials: 'same-origin', headers, signal });
    } catch (cause) {
      if (signal.aborted) throw cause;
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new VigilError(ErrorCode.Network, `Cannot reach the station for playback (${why})`, undefined, {
        cause,
      });
    }
    if (!response.ok) throw await refusal(response);
    const startMs = Date.parse(response.headers.get(PLAYBACK_START_HEADER) ?? '');
    if (Number.isNaN(startMs) || !response.body) {
      await response.body?.cancel();
      throw new VigilError(ErrorCode.BadResponse, `The playback of ${cameraId} came without its start time`);
    }
    return { startMs, body: response.body };
  };
}
