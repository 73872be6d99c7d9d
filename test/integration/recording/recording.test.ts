// Recording on the lab's real camera with Debian's real ffmpeg, through the station core both hosts run: three
// cameras for a minute, playback and export of what they recorded, a recorder SIGKILLed five times. One station
// for all of it (its minute of recording is shared by the tests).
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RecordingTimeline } from '../../../common/recording';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import {
  addRecordingCamera,
  decodeErrors,
  probeDuration,
  readPlayback,
  startRecordingStation,
  type RecordingStation,
} from './harness';

const lab = useLab({ cameras: 3 });
const CAMERAS = ['rec-1', 'rec-2', 'rec-3'];
let station: RecordingStation;
/** The recorded minute every camera covers. */
let minute: { from: number; to: number };

async function timeline(cameraId: string, fromMs: number, toMs: number): Promise<RecordingTimeline> {
  const query = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
  const response = await station.call(`/cameras/${cameraId}/recordings?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RecordingTimeline;
}

function covered(spans: RecordingTimeline['spans']): number {
  return spans.reduce((total, span) => total + Date.parse(span.end) - Date.parse(span.start), 0);
}

beforeAll(async () => {
  station = await startRecordingStation(lab());
  for (const [index, cameraId] of CAMERAS.entries())
    await addRecordingCamera(station, lab(), cameraId, index);
  const from = Date.now() + 2_000;
  minute = { from, to: from + 60_000 };
}, 30_000);

afterAll(async () => {
  await station.stop();
});

describe('three cameras recording for a minute', () => {
  it('cover at least 95 % of the minute each, with spans from the media timestamps', async () => {
    // Segments up to the minute's end are finished once the keyframe after it arrives (≤ one segment later).
    await sleep(minute.to + 8_000 - Date.now());
    for (const cameraId of CAMERAS) {
      const answer = await timeline(cameraId, minute.from, minute.to);
      expect(answer.camera_id).toBe(cameraId);
      expect(covered(answer.spans), cameraId).toBeGreaterThanOrEqual(57_000);
      expect(covered(answer.spans) + covered(answer.gaps)).toBe(60_000);
    }
    const started = station.events.filter((event) => event.type === 'recording.started');
    expect(new Set(started.map((event) => ('camera_id' in event ? event.camera_id : '')))).toEqual(
      new Set(CAMERAS),
    );
    const health = (await (await station.call('/health')).json()) as { recording?: { state: string } };
    expect(health.recording).toMatchObject({ state: 'ok', recording_cameras: 3 });
  }, 90_000);

  it('plays from an instant: first bytes at once, from the keyframe at or before it, every fragment decodes', async () => {
    const from = minute.from + 20_000;
    const started = Date.now();
    const response = await station.call(`/cameras/rec-1/playback?from=${new Date(from).toISOString()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    const start = Date.parse(response.headers.get('x-vigil-playback-start') ?? '');
    expect(start).toBeLessThanOrEqual(from);
    expect(from - start).toBeLessThan(6_000);
    const { bytes, firstByteMs } = await readPlayback(response, 3_000);
    expect(firstByteMs + (Date.now() - started) * 0).toBeLessThan(1_000);
    const file = join(tmpdir(), `vigil-playback-${process.pid}.mp4`);
    await writeFile(file, bytes);
    // From the start to the live edge: the whole rest of the minute and more.
    expect(await probeDuration(file)).toBeGreaterThan((minute.to - start) / 1000 - 1);
    expect(await decodeErrors(file)).toBe('');
  }, 30_000);

  it('exports [T, T+20 s] as one MP4 that ffprobe opens, lasting 20 s ± one segment, announced', async () => {
    const from = new Date(minute.from + 10_000).toISOString();
    const to = new Date(minute.from + 30_000).toISOString();
    const response = await station.call(`/cameras/rec-2/export.mp4?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="rec-2-${from.replaceAll(':', '-')}.mp4"`,
    );
    const file = join(tmpdir(), `vigil-export-${process.pid}.mp4`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    expect(Math.abs((await probeDuration(file)) - 20)).toBeLessThanOrEqual(6);
    expect(await decodeErrors(file)).toBe('');
    expect(station.events).toContainEqual(
      expect.objectContaining({ type: 'recording.exported', camera_id: 'rec-2', from, to }),
    );
    expect(await readdir(join(station.dataDir, 'recordings', '.exports'))).toEqual([]);
  }, 30_000);

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const cases: [string, number, string | undefined][] = [
      ['/cameras/nope/recordings', 404, 'camera_id'],
      [`/cameras/rec-1/playback?from=${future}`, 400, 'from'],
      ['/cameras/rec-1/playback?from=2001-01-01T00:00:00Z', 404, 'from'],
      ['/cameras/rec-1/playback?from=yesterday', 400, 'from'],
      [
        `/cameras/rec-1/recordings?from=${new Date(minute.to).toISOString()}&to=${new Date(minute.from).toISOString()}`,
        400,
        'to',
      ],
      [
        `/cameras/rec-1/export.mp4?from=${new Date(minute.from).toISOString()}&to=2099-01-01T00:00:00Z`,
        400,
        'to',
      ],
    ];
    const before = await readdir(join(station.dataDir, 'recordings', '.exports'));
    for (const [path, status, field] of cases) {
      const response = await station.call(path);
      const body = (await response.json()) as { error: { field?: string } };
      expect([path, response.status, body.error.field]).toEqual([path, status, field]);
    }
    expect(await readdir(join(station.dataDir, 'recordings', '.exports'))).toEqual(before);
  });
});

describe('a recorder killed with SIGKILL five times', () => {
  it('comes back each time; the gaps are reported where they were; every segment and the playback decode', async () => {
    const recordings = station.core.recording.recordings;
    const kills: number[] = [];
    const firstKill = Date.now();
    for (let round = 0; round < 5; round += 1) {
      const pid = await eventually(() => Promise.resolve(recordings.recorderPid('rec-3')), 10_000);
      // Let the run finish a segment first (so its backoff starts over), then kill it mid-segment.
      const segments = await segmentCount('rec-3');
      await eventually(async () => ((await segmentCount('rec-3')) > segments ? true : undefined), 15_000);
      await sleep(1_000);
      process.kill(pid, 'SIGKILL');
      kills.push(Date.now());
      await eventually(() => {
        const next = recordings.recorderPid('rec-3');
        return Promise.resolve(next !== undefined && next !== pid ? next : undefined);
      }, 15_000);
    }
    // The last restart's first segment, so the timeline reaches past the last kill.
    const segments = await segmentCount('rec-3');
    await eventually(async () => ((await segmentCount('rec-3')) > segments ? true : undefined), 15_000);
    const answer = await timeline('rec-3', firstKill, Date.now());
    for (const kill of kills) {
      const gap = answer.gaps.find((g) => Date.parse(g.start) - 300 <= kill && kill <= Date.parse(g.end));
      expect(gap, `a gap around the kill at ${new Date(kill).toISOString()}`).toBeDefined();
    }
    const failures = station.events.filter((e) => e.type === 'recording.stopped' && e.camera_id === 'rec-3');
    expect(failures.length).toBeGreaterThanOrEqual(5);
    expect(failures.every((e) => 'cause' in e && e.cause === 'failed' && e.reason.includes('SIGKILL'))).toBe(
      true,
    );
    for (const file of await segmentFiles('rec-3')) expect(await decodeErrors(file), file).toBe('');
    const response = await station.call(`/cameras/rec-3/playback?from=${new Date(firstKill).toISOString()}`);
    const { bytes } = await readPlayback(response, 3_000);
    const played = join(tmpdir(), `vigil-playback-kills-${process.pid}.mp4`);
    await writeFile(played, bytes);
    expect(await decodeErrors(played)).toBe('');
  }, 120_000);
});

async function segmentFiles(cameraId: string): Promise<string[]> {
  const root = join(station.dataDir, 'recordings', cameraId);
  const files: string[] = [];
  for (const day of await readdir(root)) {
    if (day.startsWith('.')) continue;
    for (const name of await readdir(join(root, day))) files.push(join(root, day, name));
  }
  return files;
}

async function segmentCount(cameraId: string): Promise<number> {
  return (await segmentFiles(cameraId)).length;
}
