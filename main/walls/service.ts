// What the named walls offer the REST API and IPC: WallRegistry (wall-registry.ts) implements it.
import type { Wall, WallShowAnswer, WallShowInput } from '../../common/walls';

/** The walls connected now, and pushing a camera or view to one of them by name. */
export interface WallService {
  /** The connected walls, by name then kind. */
  list(): Wall[];
  /** Announces `wall.show` to the named wall; `VIGIL_ERR_WALL_NOT_FOUND` (field wall) when none is connected. */
  show(wall: string, input: WallShowInput): WallShowAnswer;
}
