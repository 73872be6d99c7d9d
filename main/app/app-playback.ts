// Recorded playback for the desktop app's pages. They reach the station over IPC, which carries no stream, so
// `vigil://wall/cameras/{id}/playback?from=ISO` answers here what the REST route answers — fragmented MP4 with
// X-Vigil-Playback-Start, or the station's error body with its status — from the RecordingService in this
// process. The page's player (renderer/playback) fetches it like the browser wall fetches /playback.
import { Readable } from 'node:stream';

import { ErrorCode, VigilError, errorStatus } from '../../common/errors';
import { MP4_TYPE, PLAYBACK_START_HEADER } from '../../common/recording';
import type { RecordingService } from '../recording/service';

const PLAYBACK_PATH = /^\/cameras\/([^/]+)\/playback$/;

/** What a playback URL asks for. */
export interface PlaybackAsk {
  cameraId: string;
  from: string;
}

/** The camera and instant a `vigil://wall/…/playback` URL asks for; undefined for any other URL. */
export function playbackAsk(url: string, origin: string): PlaybackAsk | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (`${parsed.protocol}//${parsed.host}` !== origin) return undefined;
  const match = PLAYBACK_PATH.exec(parsed.pathname);
  if (match?.[1] === undefined) return undefined;
  let cameraId: string;
  try {
    cameraId = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return { cameraId, from: parsed.searchParams.get('from') ?? '' };
}

/** The answer to a playback ask: the stream (until `signal` aborts), or the refusal as the REST API words it. */
export async function answerPlayback(
  recordings: Pick<RecordingService, 'playback'>,
  ask: PlaybackAsk,
  signal: AbortSignal,
  headers: Record<string, string>,
): Promise<Response> {
  try {
    const playback = await recordings.playback(ask.cameraId, ask.from, signal);
    const body = Readable.toWeb(playback.body) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'content-type': MP4_TYPE, [PLAYBACK_START_HEADER]: playback.start },
    });
  } catch (error) {
    const refusal =
      error instanceof VigilError
        ? error
        : new VigilError(ErrorCode.Internal, 'Playback failed; the station logged the details');
    return new Response(JSON.stringify(refusal.toBody()), {
      status: errorStatus[refusal.code] ?? 500,
      headers: { ...headers, 'content-type': 'application/json' },
    });
  }
}
