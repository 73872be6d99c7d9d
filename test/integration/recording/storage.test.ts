// The recordings' disk on the lab's real camera and Debian's ffmpeg: a small byte quota makes retention delete the
// oldest segments (never the one being written), and a full recordings folder (a small tmpfs this test mounts)
// stops the recorder with a desk alert while the station and live video go on, until space is back.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import type { RecordingHealth } from '../../../common/recording';
import { diskSpace } from '../../../main/recording/disk-space';
import { INCOMING } from '../../../main/recording/segment-files';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import { addRecordingCamera, startRecordingStation, type RecordingStation } from './harness';

const run = promisify(execFile);
const lab = useLab({ cameras: 2 });
const QUOTA = 600 * 1024;
let quota: RecordingStation;
let small: RecordingStation;
let mountPoint: string;

beforeAll(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'vigil-rec-tmpfs-'));
  await run('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint]);
  quota = await startRecordingStation(lab(), { maxBytes: QUOTA });
  small = await startRecordingStation(lab(), {
    recordingsDir: join(mountPoint, 'recordings'),
    maxBytes: 12 * 2 ** 20,
  });
  await addRecordingCamera(quota, lab(), 'quota-1', 0);
  await addRecordingCamera(small, lab(), 'full-1', 1);
}, 30_000);

afterAll(async () => {
  await quota.stop();
  await small.stop();
  await run('umount', [mountPoint]).catch(() => undefined);
  await rm(mountPoint, { recursive: true, force: true });
});

async function finishedFiles(station: RecordingStation, cameraId: string, root: string): Promise<string[]> {
  const folder = join(root, cameraId);
  const files: string[] = [];
  for (const day of await readdir(folder)) {
    if (day !== INCOMING)
      for (const name of await readdir(join(folder, day))) files.push(join(folder, day, name));
  }
  return files.sort();
}

function eventsOf(station: RecordingStation, type: StationEvent['type']): StationEvent[] {
  return station.events.filter((event) => event.type === type);
}

describe('retention with a small byte quota', () => {
  it('removes the oldest segments, never the one being written', async () => {
    const root = join(quota.dataDir, 'recordings');
    const first = await eventually(async () => (await finishedFiles(quota, 'quota-1', root))[0], 45_000);
    const pid = quota.core.recording.recordings.recorderPid('quota-1');
    await eventually(
      async () => {
        const files = await finishedFiles(quota, 'quota-1', root);
        // The segment being written is always there, beside the finished ones.
        expect((await readdir(join(root, 'quota-1', INCOMING))).length).toBeGreaterThan(0);
        return files.includes(first) ? undefined : files;
      },
      45_000,
      500,
    );
    const files = await finishedFiles(quota, 'quota-1', root);
    const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
    const biggest = Math.max(...sizes);
    // Housekeeping runs every 5 s: at most a couple of segments over the quota between two runs.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(QUOTA + 2 * biggest);
    expect(quota.core.recording.recordings.recorderPid('quota-1')).toBe(pid);
    expect(eventsOf(quota, 'recording.stopped')).toEqual([]);
  }, 120_000);
});

describe('a full recordings folder', () => {
  it('stops the recorder with an alert; the station and live video go on; recording resumes with space', async () => {
    const root = join(mountPoint, 'recordings');
    await eventually(async () => (await finishedFiles(small, 'full-1', root))[0], 45_000);
    const { freeBytes } = await diskSpace(mountPoint);
    const filler = join(mountPoint, 'filler.bin');
    await writeFile(filler, Buffer.alloc(Math.max(0, freeBytes - 256 * 1024)));

    const alert = await eventually(
      () =>
        Promise.resolve(
          eventsOf(small, 'recording.storage').find((e) => 'state' in e && e.state === 'disk_full'),
        ),
      20_000,
    );
    expect(alert).toMatchObject({ type: 'recording.storage', state: 'disk_full' });
    await eventually(
      () =>
        Promise.resolve(
          eventsOf(small, 'recording.stopped').find((e) => 'cause' in e && e.cause === 'disk_full'),
        ),
      10_000,
    );
    const health = (await (await small.call('/health')).json()) as {
      recording: RecordingHealth;
      cameras: { camera_id: string; state: string }[];
    };
    expect(health.recording.state).toBe('disk_full');
    expect(health.recording.recording_cameras).toBe(0);
    // Live video does not depend on the recordings disk.
    expect((await small.call('/cameras')).status).toBe(200);
    expect(health.cameras.find((camera) => camera.camera_id === 'full-1')?.state).toBe('live');

    const resumedAfter = small.events.length;
    await rm(filler);
    await eventually(
      () =>
        Promise.resolve(
          small.events
            .slice(resumedAfter)
            .find((e) => e.type === 'recording.started' && e.camera_id === 'full-1'),
        ),
      30_000,
    );
    expect(small.events.slice(resumedAfter)).toContainEqual(
      expect.objectContaining({ type: 'recording.storage', state: 'ok' }),
    );
  }, 120_000);
});
