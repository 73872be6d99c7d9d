// Where a wall window goes on its display: saved bounds are relative to the display, clamped onto its work area.
import type { DeskDisplay, Rect } from './display';

/** The smallest wall window we place (a tile grid below this is useless); never larger than the work area. */
export const MIN_WALL_SIZE = { width: 320, height: 240 } as const;

/** `bounds` moved and shrunk as little as possible to lie inside `area`. */
export function clampToArea(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(bounds.width, MIN_WALL_SIZE.width), area.width);
  const height = Math.min(Math.max(bounds.height, MIN_WALL_SIZE.height), area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/**
 * Where a wall window goes on `display`: its saved bounds (relative to the display's top-left corner, so they follow
 * a display that moved) clamped onto the work area; the whole work area if nothing was saved.
 */
export function placeOnDisplay(
  saved: Rect | undefined,
  display: Pick<DeskDisplay, 'bounds' | 'workArea'>,
): Rect {
  if (!saved) return { ...display.workArea };
  const absolute = { ...saved, x: saved.x + display.bounds.x, y: saved.y + display.bounds.y };
  return clampToArea(absolute, display.workArea);
}

/** `bounds` in screen coordinates made relative to `display`'s top-left corner (as walls save them). */
export function relativeTo(bounds: Rect, display: Pick<DeskDisplay, 'bounds'>): Rect {
  return { ...bounds, x: bounds.x - display.bounds.x, y: bounds.y - display.bounds.y };
}

/** Whether the centre of `bounds` lies on `display` (bounds the OS gave a window it moved off a display do not). */
export function isOnDisplay(bounds: Rect, display: Pick<DeskDisplay, 'bounds'>): boolean {
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  const d = display.bounds;
  return cx >= d.x && cx < d.x + d.width && cy >= d.y && cy < d.y + d.height;
}
