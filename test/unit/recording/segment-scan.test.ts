import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { INCOMING } from '../../../main/recording/segment-files';
import { cameraFolders, checkSegmentFile, scanCamera } from '../../../main/recording/segment-scan';
import { segmentBytes } from './fmp4-fixture';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-scan-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('checkSegmentFile', () => {
  it('cuts a torn file back to its complete fragments and says how long it plays', async () => {
    const whole = segmentBytes(12_800, 2);
    const file = join(root, 'torn.mp4');
    await writeFile(file, whole.subarray(0, whole.length - 30));
    const checked = await checkSegmentFile(file);
    expect(checked?.durationMs).toBe(2_000);
    expect((await stat(file)).size).toBe(checked?.bytes);
  });

  it('removes a file with no complete fragment (never served broken)', async () => {
    const file = join(root, 'empty.mp4');
    const one = segmentBytes(12_800, 1);
    await writeFile(file, one.subarray(0, one.length - 5));
    expect(await checkSegmentFile(file)).toBeUndefined();
    expect(await readdir(root)).toEqual([]);
  });
});

describe('scanCamera', () => {
  it('rebuilds the index from names, and adopts what a stopped station left half-written', async () => {
    await mkdir(join(root, 'lobby', '2026-12-02'), { recursive: true });
    await mkdir(join(root, 'lobby', INCOMING), { recursive: true });
    await writeFile(
      join(root, 'lobby', '2026-12-02', '1796206736667-5960-1234.mp4'),
      segmentBytes(12_800, 3),
    );
    await writeFile(join(root, 'lobby', '2026-12-02', 'notes.txt'), 'not a segment');
    const leftover = join(root, 'lobby', INCOMING, 'run-000007.mp4');
    const whole = segmentBytes(12_800, 2);
    await writeFile(leftover, whole.subarray(0, whole.length - 5));
    const written = new Date(Date.parse('2026-12-02T10:00:10.000Z'));
    await utimes(leftover, written, written);
    await writeFile(join(root, 'lobby', INCOMING, 'run-000008.mp4'), Buffer.alloc(3));

    const segments = await scanCamera(root, 'lobby');
    expect(segments.map((s) => [s.startMs, s.endMs]).sort()).toEqual(
      [
        [written.getTime() - 2_000, written.getTime()],
        [1_796_206_736_667, 1_796_206_742_627],
      ].sort(),
    );
    expect(await readdir(join(root, 'lobby', INCOMING))).toEqual([]);
    expect(await cameraFolders(root)).toEqual(['lobby']);
  });
});
