// An export: ffmpeg joins the segments overlapping [from, to] (concat, cut at `inpoint`/`outpoint`, copied, no
// transcoding) into one standard MP4 with its index up front (faststart), in a temporary file next to the
// recordings that is removed once sent. Gaps inside the span are closed up (the file plays continuously).
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

import { killOnExit } from '../base/kill-on-exit';
import type { SegmentFile } from './segment-files';

/** The folder of exports being made, inside the recordings folder. */
export const EXPORTS = '.exports';

/** The concat script of an export: each segment, the first cut at `fromMs`, the last at `toMs`. */
export function exportScript(segments: readonly SegmentFile[], fromMs: number, toMs: number): string {
  const lines = ['ffconcat version 1.0'];
  for (const segment of segments) {
    // `file:` keeps ffmpeg from reading the path relative to the script's own URL (`pipe:`).
    lines.push(`file 'file:${segment.path.replaceAll("'", "'\\''")}'`);
    if (fromMs > segment.startMs) lines.push(`inpoint ${((fromMs - segment.startMs) / 1000).toFixed(3)}`);
    if (toMs < segment.endMs) lines.push(`outpoint ${((toMs - segment.startMs) / 1000).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Makes the MP4 of `segments` cut to [fromMs, toMs]; resolves to a stream of it that removes the file when done. */
export async function exportMp4(
  root: string,
  segments: readonly SegmentFile[],
  fromMs: number,
  toMs: number,
  ffmpeg = 'ffmpeg',
): Promise<Readable> {
  const folder = join(root, EXPORTS);
  await mkdir(folder, { recursive: true });
  const output = join(folder, `${randomBytes(8).toString('hex')}.mp4`);
  const args = [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'concat', '-safe', '0'],
    ...['-protocol_whitelist', 'pipe,file', '-i', 'pipe:3', '-map', '0:v:0', '-c', 'copy'],
    ...['-movflags', '+faststart', '-f', 'mp4', output],
  ];
  const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const forget = child.pid === undefined ? () => undefined : killOnExit(child.pid);
  let errors = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors = `${errors}${chunk}`.slice(-2000);
  });
  const script = child.stdio[3] as Writable | undefined;
  script?.on('error', () => undefined);
  script?.end(exportScript(segments, fromMs, toMs));
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => {
      resolve(-1);
    });
    child.once('exit', resolve);
  });
  forget();
  if (code !== 0) {
    await rm(output, { force: true });
    throw new Error(`ffmpeg could not make the export (${errors.trim() || `exit ${String(code)}`})`);
  }
  const stream = createReadStream(output);
  stream.once('close', () => {
    rm(output, { force: true }).catch(() => undefined);
  });
  return stream;
}
