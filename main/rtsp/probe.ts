import { randomInt } from 'node:crypto';

import { RtspAuthUnsupportedError } from './errors';
import { parseWwwAuthenticate, RtspAuthorizer, type AuthChallenge, type Credentials } from './digest';
import {
  RELAYABLE_AUDIO_CODECS,
  SUPPORTED_VIDEO_CODECS,
  type ProbeFailure,
  type ProbeResult,
  type ProbeSuccess,
  type ProbeTrack,
  type SupportedVideoCodec,
} from '../../common/probe';
import { failure, failureFromError, statusFailure, tcpOnlyFailure } from './probe-failure';
import { RtspConnection } from './rtsp-client';
import { headerValue, type RtspResponse } from './rtsp-message';
import { parseRtspUrl, withoutCredentials, type RtspTarget } from './rtsp-url';
import { parseSdp, resolveControlUrl, type SdpTrack } from './sdp';

/** What to probe. Credentials given here win over any in the URL. */
export interface ProbeOptions {
  url: string;
  username?: string;
  password?: string;
  /** Budget for the whole probe (connect, OPTIONS, DESCRIBE, SETUP); default 5000 ms. */
  timeoutMs?: number;
  /** Aborting rejects the probe with RtspAbortedError. */
  signal?: AbortSignal;
}

/** Default whole-probe budget. */
export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

/** The TEARDOWN is a courtesy: it waits at most this long. */
const TEARDOWN_WAIT_MS = 1_000;

/**
 * Checks an RTSP camera the way Janus will use it (plain TCP, Basic/Digest, RTP over UDP) and says what is wrong.
 * @example
 * const result = await probeCamera({ url: 'rtsp://127.0.0.1:8554/cam1', username: 'admin', password });
 * if (!result.ok) showError(result.field, result.message);
 */
export async function probeCamera(options: ProbeOptions): Promise<ProbeResult> {
  let target: RtspTarget;
  try {
    target = parseRtspUrl(options.url);
  } catch (error) {
    const failed = failureFromError(error, { host: '', port: 0, path: '' });
    if (failed === undefined) throw error;
    return failed;
  }
  const username = options.username ?? target.username;
  const password = options.password ?? target.password;
  const credentials = username === undefined ? undefined : { username, password: password ?? '' };
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const started = performance.now();
  const deadline = started + timeoutMs;
  let connection: RtspConnection | undefined;
  try {
    connection = await RtspConnection.open({
      host: target.host,
      port: target.port,
      timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const exchange = new Exchange(connection, credentials, deadline, timeoutMs);
    return await runProbe(exchange, target, started);
  } catch (error) {
    const failed = failureFromError(error, target);
    if (failed === undefined) throw error;
    return failed;
  } finally {
    connection?.close();
  }
}

async function runProbe(exchange: Exchange, target: RtspTarget, started: number): Promise<ProbeResult> {
  const options = await exchange.send('OPTIONS', target.url);
  if (options.status === 401 || options.status === 403) {
    return exchange.statusFailure('OPTIONS', options, target);
  }

  const describe = await exchange.send('DESCRIBE', target.url, { Accept: 'application/sdp' });
  if (describe.status !== 200) return exchange.statusFailure('DESCRIBE', describe, target);
  const sdp = parseSdp(describe.body.toString('utf8'));
  const base = withoutCredentials(
    headerValue(describe, 'content-base') ?? headerValue(describe, 'content-location') ?? target.url,
  );
  const video = sdp.tracks.find((track) => track.kind === 'video');
  if (video === undefined) {
    return failure('no_video', noVideoMessage(sdp.tracks, target.path), 'rtsp_url');
  }
  if (!isSupported(video.codec)) {
    return failure(
      'unsupported_codec',
      `The camera sends ${codecName(video.codec)} video, which Janus cannot relay to browsers. Set the camera's stream to H.264 (or H.265) in its settings.`,
    );
  }
  if (video.protocol.toUpperCase().includes('TCP')) return tcpOnlyFailure();

  const control = resolveControlUrl(base, video.control);
  const clientPort = 2 * randomInt(20_000, 30_000);
  const setup = await exchange.send('SETUP', control, {
    Transport: `RTP/AVP;unicast;client_port=${clientPort}-${clientPort + 1}`,
  });
  if (setup.status !== 200) return exchange.statusFailure('SETUP', setup, target);
  if (/interleaved=|RTP\/AVP\/TCP/i.test(headerValue(setup, 'transport') ?? '')) return tcpOnlyFailure();
  const latencyMs = Math.round(performance.now() - started);

  const session = headerValue(setup, 'session')?.split(';')[0]?.trim();
  if (session !== undefined && session !== '') {
    await exchange.teardown(resolveControlUrl(base, sdp.control), session);
  }
  const audio = sdp.tracks.find((track) => track.kind === 'audio');
  const server = headerValue(describe, 'server') ?? headerValue(options, 'server');
  return {
    ok: true,
    auth_method: exchange.authMethod,
    video: { ...toProbeTrack(video, control), codec: video.codec },
    ...(audio === undefined ? {} : { audio: toProbeTrack(audio, resolveControlUrl(base, audio.control)) }),
    audio_relayed: audio !== undefined && isRelayedAudio(audio),
    ...(server === undefined ? {} : { server }),
    latency_ms: latencyMs,
  };
}

/** Sends requests within the probe's deadline and answers 401 challenges (once, plus one stale nonce). */
class Exchange {
  #authorizer: RtspAuthorizer | undefined;

  constructor(
    readonly connection: RtspConnection,
    readonly credentials: Credentials | undefined,
    readonly deadline: number,
    readonly timeoutMs: number,
  ) {}

  get authMethod(): ProbeSuccess['auth_method'] {
    return this.#authorizer?.method ?? 'none';
  }

  async send(method: string, url: string, headers: Record<string, string> = {}): Promise<RtspResponse> {
    let response = await this.#request(method, url, headers, this.#remaining());
    if (response.status !== 401 || this.credentials === undefined) return response;
    if (this.#authorizer === undefined) {
      const challenges = challengesOf(response);
      this.#authorizer = RtspAuthorizer.choose(challenges, this.credentials);
      if (this.#authorizer === undefined) throw new RtspAuthUnsupportedError(challenges.map((c) => c.scheme));
      response = await this.#request(method, url, headers, this.#remaining());
    }
    // A 401 now means a refused login, unless it says the nonce went stale: that gets one more try.
    if (response.status === 401 && this.#authorizer.renew(challengesOf(response))) {
      response = await this.#request(method, url, headers, this.#remaining());
    }
    return response;
  }

  async teardown(url: string, session: string): Promise<void> {
    try {
      await this.#request(
        'TEARDOWN',
        url,
        { Session: session },
        Math.min(this.#remaining(), TEARDOWN_WAIT_MS),
      );
    } catch {
      // The probe's answer is already known; a camera that drops the TEARDOWN changes nothing.
    }
  }

  statusFailure(step: string, response: RtspResponse, target: RtspTarget): ProbeFailure {
    return statusFailure(step, response.status, response.reason, target, this.credentials !== undefined);
  }

  #request(method: string, url: string, headers: Record<string, string>, timeoutMs: number) {
    const authorization = this.#authorizer?.header(method, url);
    const all = authorization === undefined ? headers : { ...headers, Authorization: authorization };
    return this.connection.request(method, url, all, timeoutMs);
  }

  #remaining(): number {
    return Math.min(this.timeoutMs, this.deadline - performance.now());
  }
}

function challengesOf(response: RtspResponse): AuthChallenge[] {
  return parseWwwAuthenticate(response.headers.get('www-authenticate') ?? []);
}

function isSupported(codec: string): codec is SupportedVideoCodec {
  return (SUPPORTED_VIDEO_CODECS as readonly string[]).includes(codec);
}

/**
 * Whether Janus 1.1 can relay this audio: it reads the codec only from an `a=rtpmap` line (the create
 * request's `audiocodec` is ignored for RTSP) and offers only codecs browsers play.
 */
function isRelayedAudio(track: SdpTrack): boolean {
  return track.rtpmap && (RELAYABLE_AUDIO_CODECS as readonly string[]).includes(track.codec);
}

function codecName(codec: string): string {
  if (codec === 'jpeg') return 'MJPEG';
  return codec === 'unknown' ? 'unidentified' : codec.toUpperCase();
}

function noVideoMessage(tracks: readonly SdpTrack[], path: string): string {
  const kinds = [...new Set(tracks.map((track) => track.kind))].join(' and ');
  const found = kinds === '' ? 'describes no media at all' : `has no video, only ${kinds}`;
  return `The stream at ${path} ${found}. Choose a stream with video in rtsp_url.`;
}

function toProbeTrack(track: SdpTrack, control: string): ProbeTrack {
  const { codec, payload_type, clock_rate, channels, fmtp } = track;
  return {
    codec,
    payload_type,
    ...(clock_rate === undefined ? {} : { clock_rate }),
    ...(channels === undefined ? {} : { channels }),
    ...(fmtp === undefined ? {} : { fmtp }),
    control,
  };
}
