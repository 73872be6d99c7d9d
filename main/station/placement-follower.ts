// A cluster station follows placement: a camera that comes to its gateway gets its mountpoint, one that leaves
// loses it (and its local health and readiness), and every move is announced as `camera.moved`.
import type { StationEvent } from '../../common/events';
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

/** Reacts to each placement change; returns the unsubscribe function. */
export function followPlacement(deps: PlacementFollowerDeps): () => void {
  const { placement } = deps;
  return placement.onMoved((moves) => {
    for (const move of moves) applyMove(deps, move);
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
