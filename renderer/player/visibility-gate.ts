import type { PlayerTile } from './model';

/** Combines "the tile is on screen" and "the page is visible" into pause/resume calls. */
export interface VisibilityGate {
  setOnScreen(onScreen: boolean): void;
  setPageVisible(visible: boolean): void;
}

/** A gate that pauses `tile` when it stops being seen and resumes it when it is seen again. */
export function createVisibilityGate(
  tile: Pick<PlayerTile, 'pause' | 'resume'>,
  pageVisible: boolean,
): VisibilityGate {
  // A tile starts playing; it is paused only once something says nobody can see it.
  let onScreen = true;
  let page = pageVisible;
  let seen = true;
  const update = (): void => {
    const next = onScreen && page;
    if (next === seen) return;
    seen = next;
    if (seen) tile.resume();
    else tile.pause();
  };
  update();
  return {
    setOnScreen(value) {
      onScreen = value;
      update();
    },
    setPageVisible(value) {
      page = value;
      update();
    },
  };
}
