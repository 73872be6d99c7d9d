// The recorder's ffmpeg command line and input script (pure). The camera's URL with its credentials never
// appears on the command line (`ps` shows every argument): ffmpeg reads it from a one-shot concat script written
// into its file descriptor 3, and writes the list of finished segments to descriptor 4.
import { join } from 'node:path';

/** The descriptor ffmpeg reads the input script from. */
export const SCRIPT_FD = 3;
/** The descriptor ffmpeg writes a CSV line to (`name,start,end` in media seconds) as each segment is finished. */
export const LIST_FD = 4;

/** How long a segment lasts at least (it is cut at the first keyframe after this). */
export const SEGMENT_SECONDS = 4;

/** A camera's RTSP source: its URL without credentials, and the credentials. */
export interface RecorderSource {
  url: string;
  username: string;
  password: string;
}

/** The URL with the credentials inside (`rtsp://user:pass@host/…`), for the script only. */
export function urlWithCredentials(source: RecorderSource): string {
  if (source.username === '' && source.password === '') return source.url;
  const url = new URL(source.url);
  url.username = encodeURIComponent(source.username);
  url.password = encodeURIComponent(source.password);
  return url.toString();
}

/** A concat script opening the camera over RTSP/TCP with a 5 s I/O timeout. */
export function concatScript(source: RecorderSource): string {
  const quoted = urlWithCredentials(source).replaceAll("'", "'\\''");
  return [
    'ffconcat version 1.0',
    `file '${quoted}'`,
    'option rtsp_transport tcp',
    'option timeout 5000000',
    '',
  ].join('\n');
}

/**
 * ffmpeg's arguments: the script on fd 3, the first video stream copied (no transcoding) into fragmented-MP4
 * segments of about SEGMENT_SECONDS cut on keyframes (one fragment per GOP), named `<run>-NNNNNN.mp4` in `folder`,
 * with each finished segment listed on fd 4.
 */
export function recorderArgs(folder: string, run: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-f',
    'concat',
    '-safe',
    '0',
    '-protocol_whitelist',
    'pipe,rtsp,rtp,udp,tcp',
    '-i',
    `pipe:${SCRIPT_FD}`,
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-f',
    'segment',
    '-segment_time',
    String(SEGMENT_SECONDS),
    '-segment_format',
    'mp4',
    '-segment_format_options',
    'movflags=+frag_keyframe+empty_moov+default_base_moof',
    '-segment_list',
    `pipe:${LIST_FD}`,
    '-segment_list_type',
    'csv',
    join(folder, `${run}-%06d.mp4`),
  ];
}

/** One finished segment as fd 4 lists it. */
export interface ListedSegment {
  name: string;
  startSeconds: number;
  endSeconds: number;
}

/** Parses one CSV line of the segment list, or undefined. */
export function parseListLine(line: string): ListedSegment | undefined {
  const [name, start, end] = line.trim().split(',');
  const startSeconds = Number(start);
  const endSeconds = Number(end);
  if (!name || !Number.isFinite(startSeconds) || !Number.isFinite(endSeconds)) return undefined;
  return { name: name.replace(/^.*\//, ''), startSeconds, endSeconds };
}

/** Text with the credentials taken out (ffmpeg may print the URL it failed to open). */
export function redactCredentials(text: string, source: RecorderSource): string {
  let redacted = text.replace(/(rtsps?:\/\/)[^/@\s]*@/gi, '$1[redacted]@');
  for (const secret of [source.password, encodeURIComponent(source.password)]) {
    if (secret.length >= 3) redacted = redacted.replaceAll(secret, '[redacted]');
  }
  return redacted;
}
