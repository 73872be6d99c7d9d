// A playback stream: one fragmented MP4 made of the recorded segments, from the fragment (a keyframe) at or before
// `from`, on through every later segment and then following the live edge as segments are finished, until the
// client goes away. Media time 0 is the wall-clock instant the first fragment starts; each fragment's decode time
// is its wall-clock start minus that, so a gap in the recording is a jump of the same length in media time.
// A segment whose init part (ftyp + moov) differs from the one before (the recorder restarted) gets it sent again.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { ErrorCode, VigilError } from '../../common/errors';
import { parseSegment, retimedFragment, type Segment } from './mp4-boxes';
import type { SegmentFile } from './segment-files';
import type { SegmentIndex } from './segment-index';

/** How the stream follows the live edge. */
export interface FollowOptions {
  /** How often to look for a newly finished segment (default 250 ms). */
  pollMs?: number;
  /** The stream ends after this long without a new segment (default 5 minutes: the camera stopped recording). */
  idleEndMs?: number;
}

interface LoadedSegment {
  file: SegmentFile;
  data: Buffer;
  parsed: Segment;
}

async function load(file: SegmentFile): Promise<LoadedSegment | undefined> {
  const data = await readFile(file.path).catch(() => undefined);
  const parsed = data === undefined ? undefined : parseSegment(data);
  return data === undefined || parsed === undefined || parsed.fragments.length === 0
    ? undefined
    : { file, data, parsed };
}

/** Wall-clock start (ms) of each fragment of a loaded segment. */
function fragmentStarts({ file, parsed }: LoadedSegment): number[] {
  const base = parsed.fragments[0]?.decodeTime ?? 0;
  return parsed.fragments.map(
    (fragment) => file.startMs + ((fragment.decodeTime - base) / parsed.timescale) * 1000,
  );
}

/** Within this much of where the previous fragment ended, a fragment follows it exactly (rounding, not a gap). */
const SNAP_SECONDS = 0.02;

/**
 * Retimes fragments onto the playback's media timeline: decode time = wall-clock start − playback start. `cursor`
 * (in timescale units) is where the previous fragment ended; a fragment within SNAP_SECONDS of it starts there.
 */
class Retimer {
  #cursor: number | undefined;
  readonly #startMs: number;

  constructor(startMs: number) {
    this.#startMs = startMs;
  }

  /** A new init (another timescale, maybe): the next fragment is placed by its wall clock alone. */
  reset(): void {
    this.#cursor = undefined;
  }

  /** The bytes of a segment's fragments from `first` on, retimed. */
  fragments(segment: LoadedSegment, first: number): Buffer[] {
    const starts = fragmentStarts(segment);
    const { data, parsed } = segment;
    return parsed.fragments.slice(first).map((fragment, i) => {
      const wallMs = starts[first + i] ?? segment.file.startMs;
      let ticks = ((wallMs - this.#startMs) / 1000) * parsed.timescale;
      const cursor = this.#cursor;
      if (cursor !== undefined && Math.abs(ticks - cursor) < SNAP_SECONDS * parsed.timescale) ticks = cursor;
      const bytes = retimedFragment(data, fragment, ticks);
      this.#cursor = Math.round(ticks) + fragment.duration;
      return bytes;
    });
  }
}

/** A started playback: its wall-clock start and its bytes. */
export interface Playback {
  startMs: number;
  body: Readable;
}

/**
 * Opens playback of `cameraId` at `fromMs` (already checked to be within the recordings): the segment holding it
 * (or the next one, inside a gap) and its fragment at or before it. Rejects with VIGIL_ERR_RECORDING_NOT_FOUND
 * when no segment can be read there.
 */
export async function openPlayback(
  index: SegmentIndex,
  cameraId: string,
  fromMs: number,
  signal: AbortSignal,
  options: FollowOptions = {},
): Promise<Playback> {
  let file = index.atOrAfter(cameraId, fromMs);
  let first: LoadedSegment | undefined;
  // A segment retention removed since the index was read is skipped.
  while (file !== undefined && (first = await load(file)) === undefined) file = index.next(cameraId, file);
  if (first === undefined) {
    throw new VigilError(
      ErrorCode.RecordingNotFound,
      `Nothing is recorded for camera ${cameraId} from then`,
      'from',
    );
  }
  const starts = fragmentStarts(first);
  let at = 0;
  for (let i = 0; i < starts.length; i += 1) if ((starts[i] ?? 0) <= fromMs) at = i;
  const startMs = starts[at] ?? first.file.startMs;
  return { startMs, body: Readable.from(chunks(index, cameraId, first, at, startMs, signal, options)) };
}

async function* chunks(
  index: SegmentIndex,
  cameraId: string,
  first: LoadedSegment,
  at: number,
  startMs: number,
  signal: AbortSignal,
  { pollMs = 250, idleEndMs = 300_000 }: FollowOptions,
): AsyncGenerator<Buffer> {
  let init = first.data.subarray(0, first.parsed.initEnd);
  const retimer = new Retimer(startMs);
  yield Buffer.from(init);
  yield* retimer.fragments(first, at);
  let current = first.file;
  let idleSince = Date.now();
  while (!signal.aborted) {
    const next = index.next(cameraId, current);
    if (next === undefined) {
      if (Date.now() - idleSince > idleEndMs) return;
      await sleep(pollMs, undefined, { signal }).catch(() => undefined);
      continue;
    }
    current = next;
    idleSince = Date.now();
    const segment = await load(next);
    if (segment === undefined) continue;
    const nextInit = segment.data.subarray(0, segment.parsed.initEnd);
    if (!nextInit.equals(init)) {
      init = nextInit;
      retimer.reset();
      yield Buffer.from(init);
    }
    yield* retimer.fragments(segment, 0);
  }
}
