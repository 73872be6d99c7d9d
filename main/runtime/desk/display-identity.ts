// Which connected monitor is the one a wall was saved on, across restarts, replugs and changed display ids.
import type { DeskDisplay } from './display';
import type { DisplayIdentity, SavedWall } from './wall-state';

/** The identity of a connected display. */
export function identify(
  display: Pick<DeskDisplay, 'id' | 'label' | 'bounds' | 'scaleFactor'>,
): DisplayIdentity {
  return {
    id: display.id,
    label: display.label,
    width: Math.round(display.bounds.width * display.scaleFactor),
    height: Math.round(display.bounds.height * display.scaleFactor),
    x: display.bounds.x,
    y: display.bounds.y,
  };
}

/**
 * The least likeness that counts as "the same monitor": the same id, or (if the id changed) the same label,
 * resolution and place. Less is refused on purpose: twin monitors share label and resolution, and a wall must not
 * jump onto the twin when its own monitor is unplugged.
 */
export const SAME_MONITOR_SCORE = 4;

/**
 * How alike a saved monitor and a connected one are: same id 4, same non-empty label 2, same resolution 1, same
 * origin 1. Electron's display ids are derived from the monitor (EDID) and port on Windows and Linux and are stable
 * on macOS, so the id carries most of the weight.
 */
export function likeness(saved: DisplayIdentity, present: DisplayIdentity): number {
  let score = 0;
  if (saved.id === present.id) score += 4;
  if (saved.label !== '' && saved.label === present.label) score += 2;
  if (saved.width === present.width && saved.height === present.height) score += 1;
  if (saved.x === present.x && saved.y === present.y) score += 1;
  return score;
}

/** Pairs saved walls with connected displays, best likeness first, each display at most once; key → display. */
export function matchWalls(
  walls: readonly Pick<SavedWall, 'key' | 'display'>[],
  displays: readonly DeskDisplay[],
): Map<string, DeskDisplay> {
  const pairs = walls
    .flatMap((wall) =>
      displays.map((display) => ({ wall, display, score: likeness(wall.display, identify(display)) })),
    )
    .filter((pair) => pair.score >= SAME_MONITOR_SCORE)
    .sort((a, b) => b.score - a.score);
  const matched = new Map<string, DeskDisplay>();
  const taken = new Set<number>();
  for (const { wall, display } of pairs) {
    if (matched.has(wall.key) || taken.has(display.id)) continue;
    matched.set(wall.key, display);
    taken.add(display.id);
  }
  return matched;
}

/** A readable key for a newly opted-in display, unique among `taken` (e.g. `dell-u2415-2528732444`). */
export function wallKey(identity: DisplayIdentity, taken: ReadonlySet<string>): string {
  const slug = identity.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const base = `${slug || 'display'}-${identity.id}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}
