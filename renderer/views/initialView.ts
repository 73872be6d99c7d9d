import type { View } from '../../common/views';

/**
 * The view a wall opens on: the one this window showed last, else the one any wall of the station showed last
 * (`last_shown_at`), else the first saved view; null when the station has none.
 */
export function initialView(views: readonly View[], remembered: string | null): View | null {
  const own = views.find((view) => view.view_id === remembered);
  if (own !== undefined) return own;
  let newest: View | undefined;
  for (const view of views) {
    if (view.last_shown_at !== undefined && (newest?.last_shown_at ?? '') < view.last_shown_at) newest = view;
  }
  return newest ?? views[0] ?? null;
}
