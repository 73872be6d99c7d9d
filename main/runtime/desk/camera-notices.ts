// What the desk is told about cameras going down and coming back, coalesced so a Janus switch losing 16
// cameras makes one notice, not sixteen. The host shows each notice its own way (main/app: a native notification).
import type { CameraState } from '../../../common/camera';
import type { StationEvent } from '../../../common/events';
import { isDown, type CameraHealthSource } from './camera-counts';

/** A camera to announce as down: its name, state, and the station's reason. */
export interface DownCamera {
  name: string;
  state: CameraState;
  reason?: string | undefined;
}

const MAX_NAMES = 5;

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return names.length > MAX_NAMES ? `${shown} and ${names.length - MAX_NAMES} more` : shown;
}

/** One notice for everything gathered since the last one (cameras down, cameras back), or undefined if none. */
export function cameraNotice(
  down: readonly DownCamera[],
  back: readonly string[],
): { title: string; body: string } | undefined {
  const backLine = back.length > 0 ? `Back: ${nameList(back)}` : '';
  const [only] = down;
  if (only && down.length === 1) {
    const body = [only.reason ?? 'No video', backLine].filter(Boolean).join('\n');
    return { title: `${only.name} is ${only.state}`, body };
  }
  if (down.length > 1) {
    const body = [nameList(down.map((c) => `${c.name} (${c.state})`)), backLine].filter(Boolean).join('\n');
    return { title: `${down.length} cameras down`, body };
  }
  if (back.length === 1) return { title: `${back[0] ?? ''} is back`, body: 'Video is live again' };
  if (back.length > 1) return { title: `${back.length} cameras back`, body: nameList(back) };
  return undefined;
}

/** One notice to show: its title and text, and whether it reports cameras down (`critical`) or only back. */
export interface CameraNotice {
  title: string;
  body: string;
  urgency: 'critical' | 'normal';
}

/** What `watchCameraNotices` needs: the cameras, and how the host shows a notice. */
export interface CameraNoticesDeps {
  cameras: CameraHealthSource;
  /** Shows a notice (the desktop app: a native notification). */
  show: (notice: CameraNotice) => void;
  /** Whether the host can show notices now; when false nothing is shown. */
  canShow: () => boolean;
  /** How long to gather changes after the first one, so a switch losing 16 cameras makes one notice. */
  gatherMs?: number;
  /** The least time between two notices; changes meanwhile wait and join the next one. */
  minGapMs?: number;
}

/**
 * Notifies the desk when cameras go stale or offline (and when announced ones come back), coalesced: changes are
 * gathered for `gatherMs`, notices are at least `minGapMs` apart, a camera that recovers before its notice is
 * dropped, and a camera already announced down is not announced again until it has come back.
 */
export function watchCameraNotices(deps: CameraNoticesDeps): () => void {
  const gatherMs = deps.gatherMs ?? 3_000;
  const minGapMs = deps.minGapMs ?? 30_000;
  const announced = new Set<string>();
  const pendingDown = new Map<string, { state: CameraState; reason?: string | undefined }>();
  const pendingBack = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastShownAt = Number.NEGATIVE_INFINITY;

  const forget = (cameraId: string): void => {
    announced.delete(cameraId);
    pendingDown.delete(cameraId);
    pendingBack.delete(cameraId);
  };

  const flush = (): void => {
    timer = undefined;
    const names = new Map(deps.cameras.listCameras().map((c) => [c.camera_id, c.name]));
    const nameOf = (id: string): string => names.get(id) ?? id;
    const down = [...pendingDown].map(([id, change]) => ({ name: nameOf(id), ...change }));
    const notice = cameraNotice(down, [...pendingBack].map(nameOf));
    for (const id of pendingDown.keys()) announced.add(id);
    for (const id of pendingBack) announced.delete(id);
    pendingDown.clear();
    pendingBack.clear();
    if (!notice || !deps.canShow()) return;
    lastShownAt = Date.now();
    deps.show({ ...notice, urgency: down.length > 0 ? 'critical' : 'normal' });
  };

  const schedule = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(flush, Math.max(gatherMs, lastShownAt + minGapMs - Date.now()));
  };

  const onEvent = (event: StationEvent): void => {
    if (event.type === 'camera.removed') forget(event.camera_id);
    if (event.type !== 'camera.state') return;
    const id = event.camera_id;
    if (isDown(event.state)) {
      pendingBack.delete(id);
      if (announced.has(id)) return;
      pendingDown.set(id, { state: event.state, reason: event.reason });
      schedule();
    } else if (event.state === 'live') {
      if (pendingDown.delete(id)) return;
      if (!announced.has(id)) return;
      pendingBack.add(id);
      schedule();
    } else if (event.state === 'disabled') {
      forget(id);
    }
  };

  const unsubscribe = deps.cameras.onEvent(onEvent);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
