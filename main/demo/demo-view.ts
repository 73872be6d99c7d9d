// `vigil serve --demo N` opens the wall on a saved view "Demo" with the N simulated cameras already placed.
import { LAYOUT_TILES, type LayoutId } from '../../common/views';
import type { ViewService } from '../station/views';

/** The demo view's id. */
export const DEMO_VIEW_ID = 'demo';

const SQUARE_LAYOUTS: readonly LayoutId[] = ['1', '2x2', '3x3', '4x4', '5x5'];

/** The smallest square layout with a tile for each of `count` cameras. */
export function demoLayout(count: number): LayoutId {
  return SQUARE_LAYOUTS.find((layout) => LAYOUT_TILES[layout] >= count) ?? '5x5';
}

/**
 * Saves the view "Demo" with `cameraIds` placed (unless the operator already has one: it is theirs now) and marks
 * it shown last, so a browser that remembers no view opens on it.
 */
export async function showDemoView(
  views: Pick<ViewService, 'list' | 'create' | 'markShown'>,
  cameraIds: string[],
): Promise<void> {
  if (!views.list().some((view) => view.view_id === DEMO_VIEW_ID)) {
    const layout = demoLayout(cameraIds.length);
    const tiles = Array.from({ length: LAYOUT_TILES[layout] }, (_, i) => cameraIds[i] ?? null);
    await views.create({ view_id: DEMO_VIEW_ID, name: 'Demo', layout, tiles });
  }
  await views.markShown(DEMO_VIEW_ID);
}
