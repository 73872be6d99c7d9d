import type { CameraState, CameraView } from '../../common/camera';

/** What the camera list shows: cameras whose name, id or a tag contains `text`, in `state` if one is picked. */
export interface CameraFilter {
  text: string;
  state: CameraState | null;
}

/** A heading of the camera list and its cameras (one group, `all`, when the list is not grouped). */
export interface CameraGroup {
  key: string;
  /** The tag, or what the heading says instead (`No tag`). */
  label: string;
  cameras: readonly CameraView[];
}

/** One line of the list: a camera under a heading (grouped by tag, a camera shows under each of its tags). */
export interface CameraRow {
  group: string;
  cameraId: string;
}

/** How many cameras are in each health state. */
export type StateCounts = Record<CameraState, number>;

/** The states in the order the status bar lists them. */
export const STATE_ORDER: readonly CameraState[] = [
  'live',
  'stale',
  'offline',
  'error',
  'starting',
  'disabled',
];

/** The group of cameras without a tag. */
export const UNTAGGED = 'untagged';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Whether a camera passes the filter (text in its name, id or a tag, case-insensitive; and its state). */
export function matchesFilter(camera: CameraView, filter: CameraFilter): boolean {
  if (filter.state !== null && camera.health.state !== filter.state) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  return [camera.name, camera.camera_id, ...camera.tags].some((text) => text.toLowerCase().includes(needle));
}

/**
 * The list's headings: one per tag in tag order, then the cameras without one, each keeping the cameras'
 * order; without grouping a single `all` group. Empty groups are left out.
 */
export function groupCameras(cameras: readonly CameraView[], byTag: boolean): CameraGroup[] {
  if (!byTag) return cameras.length === 0 ? [] : [{ key: 'all', label: 'All cameras', cameras }];
  const tags = [...new Set(cameras.flatMap((c) => c.tags))].sort(collator.compare);
  const groups: CameraGroup[] = tags.map((tag) => ({
    key: `tag:${tag}`,
    label: tag,
    cameras: cameras.filter((c) => c.tags.includes(tag)),
  }));
  const untagged = cameras.filter((c) => c.tags.length === 0);
  if (untagged.length > 0) groups.push({ key: UNTAGGED, label: 'No tag', cameras: untagged });
  return groups;
}

/** The lines the list shows, top to bottom: the cameras of every group not collapsed. */
export function listRows(groups: readonly CameraGroup[], collapsed: ReadonlySet<string>): CameraRow[] {
  return groups.flatMap((g) =>
    collapsed.has(g.key) ? [] : g.cameras.map((c) => ({ group: g.key, cameraId: c.camera_id })),
  );
}

/** A row's key, unique in the list (camera ids never hold a space). */
export function rowKey(row: CameraRow): string {
  return `${row.cameraId} ${row.group}`;
}

/** Whether two rows are the same line. */
export function sameRow(a: CameraRow | null, b: CameraRow | null): boolean {
  return a !== null && b !== null && a.group === b.group && a.cameraId === b.cameraId;
}

/** How many rows PageUp/PageDown move. */
const PAGE = 10;

/**
 * The row a key highlights from `current` (arrows, Home, End, PageUp, PageDown), or null when the key does not
 * move the highlight. With nothing highlighted (or a row no longer shown) the first row is highlighted.
 */
export function moveHighlight(
  rows: readonly CameraRow[],
  current: CameraRow | null,
  key: string,
): CameraRow | null {
  const steps: Record<string, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: PAGE,
    PageUp: -PAGE,
    Home: -Infinity,
    End: Infinity,
  };
  const step = steps[key];
  if (step === undefined || rows.length === 0) return null;
  const at = rows.findIndex((row) => sameRow(row, current));
  if (at === -1) return step === Infinity ? (rows.at(-1) ?? null) : (rows[0] ?? null);
  const next = Math.max(0, Math.min(rows.length - 1, at + step));
  return rows[next] ?? null;
}

/** Counts the cameras in each health state. */
export function countStates(cameras: readonly CameraView[]): StateCounts {
  const counts: StateCounts = { live: 0, stale: 0, offline: 0, error: 0, starting: 0, disabled: 0 };
  for (const camera of cameras) counts[camera.health.state] += 1;
  return counts;
}
