/** The metadata prefix that marks a mountpoint as Vigil's; anything without it is left alone. */
export const MOUNTPOINT_TAG = 'vigil';

/** What the store wants Janus to have for one enabled camera. */
export interface DesiredMountpoint {
  cameraId: string;
  mountpointId: number;
  /** Bumped whenever the URL, credentials or mountpoint secret change: Janus `edit` can't apply those. */
  revision: number;
}

/** A mountpoint Janus has now, as `list` shows it. */
export interface ActualMountpoint {
  id: number;
  metadata?: string | undefined;
}

/** One step that brings Janus closer to the store. */
export type ReconcileStep =
  | { kind: 'create'; cameraId: string; mountpointId: number }
  | { kind: 'recreate'; cameraId: string; mountpointId: number }
  | { kind: 'destroy'; mountpointId: number; cameraId: string }
  | { kind: 'conflict'; cameraId: string; mountpointId: number };

/** The metadata Vigil writes on a camera's mountpoint: owner station, camera and revision. */
export function mountpointMetadata(stationId: string, desired: DesiredMountpoint): string {
  return `${MOUNTPOINT_TAG}:${stationId}:${desired.cameraId}:${desired.revision}`;
}

/** Reads a mountpoint's metadata back; undefined when the mountpoint is not this station's. */
export function parseMountpointMetadata(
  stationId: string,
  metadata: string | undefined,
): { cameraId: string; revision: number } | undefined {
  const parts = metadata?.split(':');
  if (parts?.length !== 4 || parts[0] !== MOUNTPOINT_TAG || parts[1] !== stationId) return undefined;
  const revision = Number(parts[3]);
  const cameraId = parts[2];
  if (!cameraId || !Number.isSafeInteger(revision)) return undefined;
  return { cameraId, revision };
}

/**
 * Compares the store's cameras with Janus's mountpoints and lists the steps that make them equal:
 * create what is missing, re-create what is out of date, destroy this station's mountpoints that no
 * camera wants, and report ids taken by mountpoints Vigil did not create (never touched).
 */
export function planReconcile(
  stationId: string,
  desired: readonly DesiredMountpoint[],
  actual: readonly ActualMountpoint[],
): ReconcileStep[] {
  const actualById = new Map(actual.map((m) => [m.id, m]));
  const wanted = new Set(desired.map((d) => d.mountpointId));
  const steps: ReconcileStep[] = [];

  for (const want of desired) {
    const have = actualById.get(want.mountpointId);
    const step = { cameraId: want.cameraId, mountpointId: want.mountpointId };
    if (!have) {
      steps.push({ kind: 'create', ...step });
      continue;
    }
    const owner = parseMountpointMetadata(stationId, have.metadata);
    if (!owner) steps.push({ kind: 'conflict', ...step });
    else if (owner.cameraId !== want.cameraId || owner.revision !== want.revision)
      steps.push({ kind: 'recreate', ...step });
  }

  for (const have of actual) {
    const owner = parseMountpointMetadata(stationId, have.metadata);
    if (owner && !wanted.has(have.id)) {
      steps.push({ kind: 'destroy', mountpointId: have.id, cameraId: owner.cameraId });
    }
  }
  return steps;
}

/** What the plan needs of a stored camera. */
export interface PlannedCamera {
  enabled: boolean;
  mountpoint: { id: number; revision: number };
}

/**
 * The steps for one camera (`camera` undefined: it left the store) given everything Janus `list`s: only the
 * mountpoints that are the camera's id or carry its name in this station's metadata take part.
 */
export function planCamera(
  stationId: string,
  cameraId: string,
  camera: PlannedCamera | undefined,
  listed: readonly ActualMountpoint[],
): ReconcileStep[] {
  const desired: DesiredMountpoint[] =
    camera?.enabled === true
      ? [{ cameraId, mountpointId: camera.mountpoint.id, revision: camera.mountpoint.revision }]
      : [];
  const actual = listed.filter(
    (m) =>
      m.id === camera?.mountpoint.id || parseMountpointMetadata(stationId, m.metadata)?.cameraId === cameraId,
  );
  return planReconcile(stationId, desired, actual);
}

/** Every camera a reconcile pass looks at: the store's, and those this station's mountpoints still name. */
export function camerasToReconcile(
  stationId: string,
  storedIds: readonly string[],
  listed: readonly ActualMountpoint[],
): string[] {
  const ids = new Set(storedIds);
  for (const mountpoint of listed) {
    const owner = parseMountpointMetadata(stationId, mountpoint.metadata);
    if (owner) ids.add(owner.cameraId);
  }
  return [...ids];
}
