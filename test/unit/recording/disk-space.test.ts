import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { QUOTA_FILE, diskFull, minFreeBytes, resolveQuota } from '../../../main/recording/disk-space';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vigil-disk-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the disk floor', () => {
  it('is 5 % of the disk, at most 256 MiB, and recording resumes only at twice it', () => {
    expect(minFreeBytes(16 * 2 ** 20)).toBe(Math.floor(16 * 2 ** 20 * 0.05));
    expect(minFreeBytes(2 ** 40)).toBe(256 * 2 ** 20);
    const total = 100_000;
    expect(diskFull(4_999, total, false)).toBe(true);
    expect(diskFull(5_000, total, false)).toBe(false);
    expect(diskFull(9_999, total, true)).toBe(true);
    expect(diskFull(10_000, total, true)).toBe(false);
  });
});

describe('resolveQuota', () => {
  it('chooses 80 % of the free space at first start and keeps it for later starts', async () => {
    const first = await resolveQuota(folder, undefined);
    expect(first.chosenNow).toBe(true);
    expect(first.maxBytes).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(join(folder, QUOTA_FILE), 'utf8'))).toEqual({
      max_bytes: first.maxBytes,
    });
    expect(await resolveQuota(folder, undefined)).toEqual({ maxBytes: first.maxBytes, chosenNow: false });
  });

  it('takes a given quota and keeps it', async () => {
    expect(await resolveQuota(folder, 5 * 2 ** 20)).toEqual({ maxBytes: 5 * 2 ** 20, chosenNow: false });
    expect((await resolveQuota(folder, undefined)).maxBytes).toBe(5 * 2 ** 20);
  });
});
