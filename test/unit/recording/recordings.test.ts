import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ErrorCode } from '../../../common/errors';
import type { StationEvent } from '../../../common/events';
import { Recordings } from '../../../main/recording/recordings';
import type { RecordingCameras } from '../../../main/recording/service';
import { segmentName } from '../../../main/recording/segment-files';
import { StationEventBus } from '../../../main/station/event-bus';
import type { StoredCamera } from '../../../main/store/stored-camera';
import { segmentBytes } from './fmp4-fixture';

const NOW = Date.now();
/** Two 4 s segments recorded a minute ago, 2 s apart. */
const FIRST = NOW - 60_000;
let root: string;
let recordings: Recordings;
const events: StationEvent[] = [];

/** A camera that does not record (so no ffmpeg runs in unit tests). */
const lobby = { camera_id: 'lobby', enabled: true } as StoredCamera;
const cameras: RecordingCameras = {
  list: () => [lobby],
  get: (id) => (id === 'lobby' ? lobby : undefined),
  unsealPassword: () => Promise.resolve(''),
};

async function listing(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.map(String).sort();
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-recordings-'));
  const day = join(root, 'lobby', new Date(FIRST).toISOString().slice(0, 10));
  await mkdir(day, { recursive: true });
  const bytes = segmentBytes(12_800, 2);
  await writeFile(join(day, segmentName(FIRST, 4_000, bytes.length)), bytes);
  await writeFile(join(day, segmentName(FIRST + 6_000, 4_000, bytes.length)), bytes);
  const bus = new StationEventBus();
  bus.on('event', (event) => events.push(event));
  recordings = await Recordings.start({
    root,
    maxBytes: 2 ** 30,
    cameras,
    events: bus,
    logger: pino({ level: 'silent' }),
  });
});
afterEach(async () => {
  await recordings.stop();
  await rm(root, { recursive: true, force: true });
});

describe('Recordings.timeline', () => {
  it('gives the spans and gaps on disk, from the oldest recording to now by default', () => {
    const answer = recordings.timeline('lobby', { to: new Date(FIRST + 10_000).toISOString() });
    expect(answer.from).toBe(new Date(FIRST).toISOString());
    expect(answer.spans).toEqual([
      { start: new Date(FIRST).toISOString(), end: new Date(FIRST + 4_000).toISOString() },
      { start: new Date(FIRST + 6_000).toISOString(), end: new Date(FIRST + 10_000).toISOString() },
    ]);
    expect(answer.gaps).toEqual([
      { start: new Date(FIRST + 4_000).toISOString(), end: new Date(FIRST + 6_000).toISOString() },
    ]);
  });

  it('reports the station-wide state for /health', () => {
    expect(recordings.health()).toMatchObject({ state: 'ok', recording_cameras: 0, max_bytes: 2 ** 30 });
    expect(recordings.health().used_bytes).toBe(2 * segmentBytes(12_800, 2).length);
  });
});

describe('bad input', () => {
  const future = new Date(NOW + 3_600_000).toISOString();
  const from = new Date(FIRST + 1_000).toISOString();
  const cases: [string, () => Promise<unknown>, string, string][] = [
    [
      'an unknown camera',
      () => recordings.playback('nope', from, new AbortController().signal),
      ErrorCode.CameraNotFound,
      'camera_id',
    ],
    [
      'from in the future',
      () => recordings.playback('lobby', future, new AbortController().signal),
      ErrorCode.Validation,
      'from',
    ],
    [
      'from before the oldest recording',
      () => recordings.playback('lobby', '2001-01-01T00:00:00Z', new AbortController().signal),
      ErrorCode.RecordingNotFound,
      'from',
    ],
    ['a garbage date', () => recordings.exportClip('lobby', 'soon', from, 'k'), ErrorCode.Validation, 'from'],
    [
      'to before from',
      () => recordings.exportClip('lobby', from, new Date(FIRST).toISOString(), 'k'),
      ErrorCode.Validation,
      'to',
    ],
    [
      'an export over 24 hours',
      () => recordings.exportClip('lobby', from, new Date(FIRST + 25 * 3_600_000).toISOString(), 'k'),
      ErrorCode.Validation,
      'to',
    ],
    [
      'a timeline backwards',
      () =>
        Promise.resolve().then(() =>
          recordings.timeline('lobby', { from, to: new Date(FIRST).toISOString() }),
        ),
      ErrorCode.Validation,
      'to',
    ],
  ];

  it.each(cases)(
    '%s is refused naming the field, and nothing on disk changes',
    async (_name, call, code, field) => {
      const before = await listing(root);
      await expect(call()).rejects.toMatchObject({ code, field });
      expect(await listing(root)).toEqual(before);
      expect(events.filter((event) => event.type === 'recording.exported')).toEqual([]);
    },
  );
});

describe('Recordings.playback', () => {
  it('starts at the fragment at or before `from` and says so', async () => {
    const stop = new AbortController();
    const playback = await recordings.playback('lobby', new Date(FIRST + 3_000).toISOString(), stop.signal);
    expect(playback.start).toBe(new Date(FIRST + 2_000).toISOString());
    stop.abort();
    playback.body.destroy();
  });
});
