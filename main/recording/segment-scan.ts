// Rebuilding the index from the files at start, and finishing a segment file: a torn tail (a recorder killed
// mid-fragment) is cut back to the last complete fragment, a file with no complete fragment is removed, so no
// segment is ever served broken.
import { readdir, readFile, rename, mkdir, rm, stat, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { parseSegment } from './mp4-boxes';
import { INCOMING, isDayFolder, parseSegmentName, segmentPath, type SegmentFile } from './segment-files';

/** A usable segment file's media facts: its length and the bytes that are complete. */
export interface CheckedSegment {
  durationMs: number;
  bytes: number;
}

/** Cuts a segment file back to its complete fragments; removes it (undefined) when none is complete. */
export async function checkSegmentFile(path: string): Promise<CheckedSegment | undefined> {
  const data = await readFile(path);
  const parsed = parseSegment(data);
  if (parsed === undefined || parsed.fragments.length === 0) {
    await rm(path, { force: true });
    return undefined;
  }
  if (parsed.completeEnd < data.length) await truncate(path, parsed.completeEnd);
  const first = parsed.fragments[0];
  const last = parsed.fragments.at(-1);
  const units =
    first === undefined || last === undefined ? 0 : last.decodeTime + last.duration - first.decodeTime;
  return { durationMs: (units / parsed.timescale) * 1000, bytes: parsed.completeEnd };
}

/** Moves a checked segment into its day folder under its final name; resolves to its index entry. */
export async function placeSegment(
  root: string,
  cameraId: string,
  from: string,
  startMs: number,
  checked: CheckedSegment,
): Promise<SegmentFile> {
  const path = segmentPath(root, cameraId, startMs, checked.durationMs);
  await mkdir(dirname(path), { recursive: true });
  await rename(from, path);
  return { path, startMs, endMs: startMs + Math.round(checked.durationMs), bytes: checked.bytes };
}

async function names(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch {
    return [];
  }
}

/**
 * Finishes segments a stopped station left in `.incoming`: each is cut back to complete fragments (or removed)
 * and placed by its last write time minus its media length (the recorder that knew its start is gone).
 */
async function adoptLeftovers(root: string, cameraId: string): Promise<SegmentFile[]> {
  const folder = join(root, cameraId, INCOMING);
  const adopted: SegmentFile[] = [];
  for (const name of await names(folder)) {
    const path = join(folder, name);
    const checked = await checkSegmentFile(path);
    if (checked === undefined) continue;
    const { mtimeMs } = await stat(path);
    adopted.push(await placeSegment(root, cameraId, path, mtimeMs - checked.durationMs, checked));
  }
  return adopted;
}

/** Every finished segment of one camera (leftovers adopted first), from the names and sizes of its files. */
export async function scanCamera(root: string, cameraId: string): Promise<SegmentFile[]> {
  const segments = await adoptLeftovers(root, cameraId);
  const adopted = new Set(segments.map((segment) => segment.path));
  for (const day of await names(join(root, cameraId))) {
    if (!isDayFolder(day)) continue;
    for (const name of await names(join(root, cameraId, day))) {
      const parsed = parseSegmentName(name);
      const path = join(root, cameraId, day, name);
      if (parsed === undefined || adopted.has(path)) continue;
      const { size } = await stat(path);
      segments.push({
        path,
        startMs: parsed.startMs,
        endMs: parsed.startMs + parsed.durationMs,
        bytes: size,
      });
    }
  }
  return segments;
}

/** The camera folders under the recordings folder. */
export async function cameraFolders(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(entry.name);
  }
  return found;
}
