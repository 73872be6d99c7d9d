// One run of a camera's ffmpeg: spawn it, hand it the input script on fd 3 (then close it: nothing stays on disk
// or on the command line), and finish each segment it lists on fd 4.
//
// Wall-clock times come from the media timestamps: ffmpeg's timestamps run from 0 at the run's first frame, and
// each segment's list line says where it starts and ends on that media clock. The run's anchor (the wall-clock
// instant of media time 0) is estimated from those lines: a line arrives as the keyframe that ends its segment
// does, so `now − end` is the anchor plus a delay ≥ 0, and the smallest value seen is the best estimate. As the
// estimate improves a segment never starts before the one it follows ends: the media says they are contiguous.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

import { killOnExit } from '../base/kill-on-exit';
import {
  LIST_FD,
  SCRIPT_FD,
  concatScript,
  parseListLine,
  recorderArgs,
  redactCredentials,
  type RecorderSource,
} from './ffmpeg-args';
import { INCOMING } from './segment-files';
import { checkSegmentFile, placeSegment } from './segment-scan';
import type { SegmentFile } from './segment-files';

/** How a run ended. */
export interface RunEnd {
  /** Segments it finished. */
  segments: number;
  /** Why it ended, in words (redacted): ffmpeg's last error line, or the exit code or signal. */
  reason: string;
}

/** What a run needs. */
export interface RunOptions {
  root: string;
  cameraId: string;
  source: RecorderSource;
  /** The ffmpeg binary (default `ffmpeg` on PATH). */
  ffmpeg?: string;
  now: () => number;
  /** A segment was finished and placed. */
  onSegment: (segment: SegmentFile) => void;
  /** Failures of finishing a file (logged by the recorder). */
  onError: (error: unknown) => void;
}

/** One ffmpeg run; `ended` resolves once it has exited and its files are finished. */
export class RecorderRun {
  readonly ended: Promise<RunEnd>;
  readonly #options: RunOptions;
  readonly #run = Date.now().toString(36);
  readonly #folder: string;
  #child: ChildProcess | undefined;
  #anchor = Number.POSITIVE_INFINITY;
  #lastEnd: number | undefined;
  /** Where the last placed segment ends (wall clock, ms). */
  #placedEnd = Number.NEGATIVE_INFINITY;
  #segments = 0;
  #lastError = '';
  #finishing: Promise<void> = Promise.resolve();

  constructor(options: RunOptions) {
    this.#options = options;
    this.#folder = join(options.root, options.cameraId, INCOMING);
    this.ended = this.#start();
  }

  /** The ffmpeg process id, once spawned. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Signals ffmpeg (SIGTERM lets it finish its segment). */
  kill(signal: NodeJS.Signals): void {
    this.#child?.kill(signal);
  }

  async #start(): Promise<RunEnd> {
    await mkdir(this.#folder, { recursive: true });
    const child = spawn(this.#options.ffmpeg ?? 'ffmpeg', recorderArgs(this.#folder, this.#run), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.#child = child;
    const forget = child.pid === undefined ? () => undefined : killOnExit(child.pid);
    const exited = new Promise<string>((resolve) => {
      child.once('error', (error) => {
        resolve(`ffmpeg could not start (${error.message})`);
      });
      child.once('exit', (code, signal) => {
        resolve(
          signal === null ? `ffmpeg exited with code ${String(code)}` : `ffmpeg was killed (${signal})`,
        );
      });
    });
    this.#feedScript(child.stdio[SCRIPT_FD] as Writable | undefined);
    this.#readLines(child.stdio[LIST_FD] as Readable | undefined, (line) => {
      this.#listed(line);
    });
    this.#readLines(child.stderr ?? undefined, (line) => {
      if (line.trim() !== '') this.#lastError = redactCredentials(line.trim(), this.#options.source);
    });
    const how = await exited;
    forget();
    await this.#finishing;
    await this.#finishLeftovers();
    return { segments: this.#segments, reason: this.#lastError === '' ? how : `${how}: ${this.#lastError}` };
  }

  #feedScript(pipe: Writable | undefined): void {
    if (pipe === undefined) return;
    pipe.on('error', () => undefined);
    pipe.end(concatScript(this.#options.source));
  }

  #readLines(stream: Readable | undefined, onLine: (line: string) => void): void {
    if (stream === undefined) return;
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
        onLine(buffered.slice(0, at));
        buffered = buffered.slice(at + 1);
      }
      if (buffered.length > 4096) buffered = buffered.slice(-4096);
    });
    stream.on('error', () => undefined);
  }

  #listed(line: string): void {
    const listed = parseListLine(line);
    if (listed === undefined) return;
    this.#anchor = Math.min(this.#anchor, this.#options.now() - listed.endSeconds * 1000);
    this.#lastEnd = listed.endSeconds;
    const startMs = this.#anchor + listed.startSeconds * 1000;
    this.#queue(join(this.#folder, listed.name), startMs);
  }

  #queue(path: string, startMs: number | undefined): void {
    this.#finishing = this.#finishing.then(async () => {
      try {
        const checked = await checkSegmentFile(path);
        if (checked === undefined) return;
        const start = Math.max(startMs ?? this.#options.now() - checked.durationMs, this.#placedEnd);
        const segment = await placeSegment(this.#options.root, this.#options.cameraId, path, start, checked);
        this.#segments += 1;
        this.#placedEnd = segment.endMs;
        this.#options.onSegment(segment);
      } catch (error) {
        this.#options.onError(error);
      }
    });
  }

  /** The segment open when ffmpeg ended (torn if it was killed): it starts where the last listed one ended. */
  async #finishLeftovers(): Promise<void> {
    const mine = (await readdir(this.#folder).catch(() => [] as string[])).filter((name) =>
      name.startsWith(`${this.#run}-`),
    );
    const known = Number.isFinite(this.#anchor) && this.#lastEnd !== undefined;
    for (const name of mine.sort()) {
      this.#queue(join(this.#folder, name), known ? this.#anchor + (this.#lastEnd ?? 0) * 1000 : undefined);
    }
    await this.#finishing;
  }
}
