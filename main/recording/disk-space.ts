// The recordings folder's disk: free space, when it counts as full, and the byte quota (default 80 % of the free
// space at first start, kept in the folder so later starts use the same number).
import { statfs, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file in the recordings folder that keeps the quota chosen at first start. */
export const QUOTA_FILE = '.vigil-quota.json';

/** Free and total bytes of the disk holding `folder`. */
export async function diskSpace(folder: string): Promise<{ freeBytes: number; totalBytes: number }> {
  const stats = await statfs(folder);
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

/** Below this much free space recorders stop: 5 % of the disk, at most 256 MiB. */
export function minFreeBytes(totalBytes: number): number {
  return Math.min(256 * 1024 * 1024, Math.floor(totalBytes * 0.05));
}

/** Whether a disk with `freeBytes` left counts as full (recorders stop) — or, once full, is still full. */
export function diskFull(freeBytes: number, totalBytes: number, wasFull: boolean): boolean {
  const floor = minFreeBytes(totalBytes);
  // Recording resumes only with twice the floor free, so it does not flap at the edge.
  return freeBytes < (wasFull ? 2 * floor : floor);
}

/**
 * The byte quota: `given` (then kept), else the one kept from an earlier start, else 80 % of the free space now
 * (kept). Says whether it was chosen now, so the host can print it.
 */
export async function resolveQuota(
  folder: string,
  given: number | undefined,
): Promise<{ maxBytes: number; chosenNow: boolean }> {
  const file = join(folder, QUOTA_FILE);
  if (given === undefined) {
    const kept = await readFile(file, 'utf8').then(
      (text) => (JSON.parse(text) as { max_bytes?: unknown }).max_bytes,
      () => undefined,
    );
    if (typeof kept === 'number' && Number.isSafeInteger(kept) && kept > 0) {
      return { maxBytes: kept, chosenNow: false };
    }
  }
  const maxBytes = given ?? Math.floor((await diskSpace(folder)).freeBytes * 0.8);
  await writeFile(file, `${JSON.stringify({ max_bytes: maxBytes })}\n`, { mode: 0o600 });
  return { maxBytes, chosenNow: given === undefined };
}
