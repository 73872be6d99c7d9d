// A cluster station follows placement: a camera that comes to its gateway gets its mountpoint, one that leaves
// loses it (and its local health and readiness), and every move is announced as `camera.moved`. A camera another
// gateway holds changes state as its station publishes it: announced here too (marked remote), so walls on every
// station show the same state.
import type { CameraState } from '../../common/camera';
import type { StationEvent } from '../../common/events';
import { unplacedHealth, type HealthRecord } from './camera-health';
import { remoteEvent } from './event-origin';
import type { HealthMonitor } from './health-monitor';
import type { MountpointReadiness } from './mountpoint-readiness';
import type { CameraMove, StationPlacement } from './placement';
import type { Reconciler } from './reconciler';

/** What following placement acts on. */
export interface PlacementFollowerDeps {
  placement: StationPlacement;
  reconciler: Pick<Reconciler, 'reconcileCamera'>;
  health: Pick<HealthMonitor, 'removed'>;
  readiness: Pick<MountpointReadiness, 'markGone'>;
  events: { publish(event: StationEvent): void };
  now(): string;
  warn(error: unknown): void;
}

/** Reacts to each placement change and to other stations' health reports; returns the unsubscribe function. */
export function followPlacement(deps: PlacementFollowerDeps): () => void {
  const { placement } = deps;
  /** The state last announced for each camera another gateway holds. */
  const remoteStates = new Map<string, CameraState>();
  const announceRemote = (cameraId: string, health: HealthRecord): void => {
    const previous = remoteStates.get(cameraId) ?? 'starting';
    remoteStates.set(cameraId, health.state);
    if (previous !== health.state) deps.events.publish(remoteStateEvent(cameraId, health, previous));
  };
  const stopMoves = placement.onMoved((moves) => {
    for (const move of moves) {
      applyMove(deps, move);
      if (move.to === placement.gatewayId) {
        remoteStates.delete(move.camera_id);
        continue;
      }
      // What this station says of it from now on: its new holder's report (it may have published before this
      // station saw the move), else starting on its new gateway, or offline when no gateway may hold it.
      const health = placement.remoteHealth(move.camera_id) ?? unplacedHealth(move.to, Date.now());
      announceRemote(move.camera_id, health);
    }
  });
  const stopHealth = placement.onRemoteHealth((cameraId, health) => {
    if (!placement.holds(cameraId)) announceRemote(cameraId, health);
  });
  return () => {
    stopMoves();
    stopHealth();
  };
}

function remoteStateEvent(cameraId: string, health: HealthRecord, previous: CameraState): StationEvent {
  return remoteEvent({
    type: 'camera.state',
    camera_id: cameraId,
    state: health.state,
    previous,
    ...(health.reason === undefined ? {} : { reason: health.reason }),
    at: new Date(health.since).toISOString(),
  });
}

function applyMove(deps: PlacementFollowerDeps, move: CameraMove): void {
  const own = deps.placement.gatewayId;
  if (move.from === own) {
    deps.health.removed(move.camera_id);
    deps.readiness.markGone(move.camera_id);
  }
  if (move.from === own || move.to === own) {
    deps.reconciler.reconcileCamera(move.camera_id).catch((error: unknown) => {
      deps.warn(error);
    });
  }
  deps.events.publish({
    type: 'camera.moved',
    camera_id: move.camera_id,
    from: move.from,
    to: move.to,
    at: deps.now(),
  });
}
