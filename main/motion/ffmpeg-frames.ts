// One ffmpeg decoding a camera into small greyscale frames on a pipe: `fps=5,scale=160:90,format=gray` raw video
// on stdout, one frame per `width × height` bytes. The camera's URL with its credentials never reaches the
// command line (`ps`): ffmpeg reads it from a one-line concat script written into its fd 3 and closed, so it
// lives only in a pipe ffmpeg has drained. Whatever ffmpeg says on stderr is kept (last lines, credentials
// redacted) to explain an exit.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';

import { killOnExit } from '../base/kill-on-exit';
import { stopWithGrace } from '../base/stop-with-grace';

/** What to decode and how small. */
export interface FrameStreamOptions {
  /** The camera's rtsp:// URL without credentials (its sub-stream when it has one). */
  url: string;
  username: string;
  password: string;
  grid: { width: number; height: number };
  fps: number;
  /** The ffmpeg binary (default `ffmpeg` on PATH: Debian's). */
  ffmpeg?: string | undefined;
}

/** How an ffmpeg run ended. */
export interface FrameStreamEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ffmpeg's last words on stderr, credentials redacted. */
  stderr: string;
}

/** A running ffmpeg; `exited` resolves (never rejects) when it ends, however that happens. */
export interface FrameStream {
  readonly pid: number;
  readonly exited: Promise<FrameStreamEnd>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has ended. */
  stop(): Promise<FrameStreamEnd>;
  /** Ends it at once (a stalled stream). */
  kill(): void;
}

const STOP_GRACE_MS = 2_000;
const STDERR_KEEP = 2_048;
/** RTSP socket timeout: a camera that stops sending ends the run instead of hanging it (microseconds). */
const SOCKET_TIMEOUT_US = 5_000_000;

/** ffmpeg's arguments: no URL, no credential — the input is the concat script on fd 3. */
export function ffmpegArgs(options: Pick<FrameStreamOptions, 'grid' | 'fps'>): string[] {
  const { width, height } = options.grid;
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    // One thread each for decoding and filtering: a 640×360 stream needs no more, and threads cost memory.
    ...['-threads', '1', '-filter_threads', '1'],
    ...['-protocol_whitelist', 'pipe,rtsp,rtp,udp,tcp', '-f', 'concat', '-safe', '0', '-i', 'pipe:3'],
    ...['-map', '0:v:0', '-an', '-sn', '-dn'],
    // One frame per 1/fps seconds, each passed on as soon as it is decoded: `select` rather than the `fps`
    // filter, which holds frames back to pick the nearest (measured ~100 ms later here), and no frame duplicated.
    ...['-vf', `select='${selectEvery(options.fps)}',scale=${width}:${height}:flags=area,format=gray`],
    ...['-fps_mode', 'passthrough'],
    // Every frame leaves at once rather than waiting for the output buffer to fill.
    ...['-f', 'rawvideo', '-flush_packets', '1', 'pipe:1'],
  ];
}

/** A `select` expression keeping the first frame, then each frame at least ~1/fps after the last one kept. */
function selectEvery(fps: number): string {
  // 5 % early: frames at 25 fps arrive every 40 ms and a few ms of jitter must not skip one.
  const gap = (0.95 / fps).toFixed(3);
  return `isnan(prev_selected_t)+gte(t-prev_selected_t,${gap})`;
}

/** The concat script naming the camera with its credentials (percent-encoded), RTSP over TCP. */
export function concatScript(options: Pick<FrameStreamOptions, 'url' | 'username' | 'password'>): string {
  const { url, username, password } = options;
  const scheme = /^rtsp:\/\//i.exec(url)?.[0] ?? 'rtsp://';
  const credentials =
    username === '' && password === '' ? '' : `${encodePart(username)}:${encodePart(password)}@`;
  const withCredentials = `${scheme}${credentials}${url.slice(scheme.length)}`;
  return [
    'ffconcat version 1.0',
    `file ${quote(withCredentials)}`,
    'option rtsp_transport tcp',
    `option timeout ${SOCKET_TIMEOUT_US}`,
    // No reordering wait: over TCP packets arrive in order (measured ~40 ms sooner).
    'option max_delay 0',
    '',
  ].join('\n');
}

/** `text` with every credential-bearing URL authority and the password itself replaced by `***`. */
export function redactCredentials(text: string, password: string): string {
  const noAuthority = text.replace(/(rtsp:\/\/)[^\s/@'"]*@/gi, '$1***@');
  if (password === '') return noAuthority;
  return noAuthority.split(password).join('***').split(encodePart(password)).join('***');
}

/**
 * Starts ffmpeg on the camera; `onFrame` gets each frame (`grid.width × grid.height` bytes of luma) and the time
 * it arrived. The buffer is reused: it is valid only during the call.
 */
export function startFrameStream(
  options: FrameStreamOptions,
  onFrame: (frame: Uint8Array, at: number) => void,
): FrameStream {
  const child = spawn(options.ffmpeg ?? 'ffmpeg', ffmpegArgs(options), {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const forget = child.pid === undefined ? () => undefined : killOnExit(child.pid);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP);
  });
  const frame = new Uint8Array(options.grid.width * options.grid.height);
  let filled = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(frame.length - filled, chunk.length - offset);
      frame.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === frame.length) {
        filled = 0;
        onFrame(frame, Date.now());
      }
    }
  });
  const exited = new Promise<FrameStreamEnd>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null): void => {
      forget();
      resolve({ code, signal, stderr: redactCredentials(stderr.trim(), options.password) });
    };
    child.once('error', (error) => {
      stderr += `\n${error.message}`;
      done(null, null);
    });
    child.once('close', done);
  });
  writeScript(child, concatScript(options));
  return {
    pid: child.pid ?? -1,
    exited,
    stop: () =>
      stopWithGrace(
        (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        },
        exited,
        STOP_GRACE_MS,
      ),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Writes the script into ffmpeg's fd 3 and closes it (ffmpeg reads to the end, then opens the camera). */
function writeScript(child: ChildProcess, script: string): void {
  const pipe = child.stdio[3] as Writable | null | undefined;
  if (pipe === null || pipe === undefined) return;
  // ffmpeg may die before reading (a missing binary): that is reported through `exited`, not here.
  pipe.on('error', () => undefined);
  pipe.end(script);
}

/** Percent-encodes a user name or password for a URL's authority (quotes too: the script quotes with them). */
function encodePart(part: string): string {
  return encodeURIComponent(part).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Quotes a value for an ffconcat directive (single quotes; a quote inside becomes '\''). */
function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
