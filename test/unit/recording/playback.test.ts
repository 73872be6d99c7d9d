import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ErrorCode } from '../../../common/errors';
import { parseSegment } from '../../../main/recording/mp4-boxes';
import { openPlayback } from '../../../main/recording/playback';
import type { SegmentFile } from '../../../main/recording/segment-files';
import { SegmentIndex } from '../../../main/recording/segment-index';
import { segmentBytes } from './fmp4-fixture';

const TIMESCALE = 12_800;
const T0 = Date.parse('2026-12-02T10:00:00.000Z');
let root: string;
let index: SegmentIndex;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-playback-'));
  await mkdir(root, { recursive: true });
  index = new SegmentIndex();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a 4 s segment (two 2 s fragments) starting at `startMs` and adds it to the index. */
async function record(startMs: number): Promise<SegmentFile> {
  const path = join(root, `${startMs}.mp4`);
  const bytes = segmentBytes(TIMESCALE, 2);
  await writeFile(path, bytes);
  const segment = { path, startMs, endMs: startMs + 4_000, bytes: bytes.length };
  index.add('cam', segment);
  return segment;
}

/** Reads the stream until `count` fragments have come, then stops it. */
async function decodeTimes(
  body: AsyncIterable<Buffer>,
  count: number,
  stop: AbortController,
): Promise<number[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    chunks.push(chunk);
    const parsed = parseSegment(Buffer.concat(chunks));
    if ((parsed?.fragments.length ?? 0) >= count) break;
  }
  stop.abort();
  return parseSegment(Buffer.concat(chunks))?.fragments.map((f) => f.decodeTime / TIMESCALE) ?? [];
}

describe('openPlayback', () => {
  it('starts at the fragment at or before `from`; media time is wall clock minus the start; a gap is a jump', async () => {
    await record(T0);
    await record(T0 + 4_000);
    await record(T0 + 10_000);
    const stop = new AbortController();
    const playback = await openPlayback(index, 'cam', T0 + 3_000, stop.signal);
    expect(playback.startMs).toBe(T0 + 2_000);
    expect(await decodeTimes(playback.body, 5, stop)).toEqual([0, 2, 4, 8, 10]);
  });

  it('starts at the next recording when `from` falls in a gap', async () => {
    await record(T0);
    await record(T0 + 10_000);
    const stop = new AbortController();
    const playback = await openPlayback(index, 'cam', T0 + 6_000, stop.signal);
    expect(playback.startMs).toBe(T0 + 10_000);
    stop.abort();
  });

  it('at the live edge (inside the segment being written) starts at the newest finished keyframe', async () => {
    await record(T0);
    const stop = new AbortController();
    const playback = await openPlayback(index, 'cam', T0 + 7_000, stop.signal);
    expect(playback.startMs).toBe(T0 + 2_000);
    stop.abort();
    await expect(openPlayback(index, 'cam', T0 + 4_000 + 16_000, stop.signal)).rejects.toMatchObject({
      code: ErrorCode.RecordingNotFound,
    });
  });

  it('follows the live edge: a segment finished later is streamed too', async () => {
    await record(T0);
    const stop = new AbortController();
    const playback = await openPlayback(index, 'cam', T0, stop.signal, { pollMs: 10 });
    const later = setTimeout(() => {
      record(T0 + 4_000).catch(() => undefined);
    }, 50);
    expect(await decodeTimes(playback.body, 4, stop)).toEqual([0, 2, 4, 6]);
    clearTimeout(later);
  });

  it('answers VIGIL_ERR_RECORDING_NOT_FOUND when no segment can be read', async () => {
    index.add('cam', { path: join(root, 'gone.mp4'), startMs: T0, endMs: T0 + 4_000, bytes: 1 });
    await expect(openPlayback(index, 'cam', T0, new AbortController().signal)).rejects.toMatchObject({
      code: ErrorCode.RecordingNotFound,
      field: 'from',
    });
  });
});
