/** One command of a context menu. */
export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
  /** Its `data-testid` (end-to-end tests). */
  testId?: string;
}

/** What a context menu is about (camera name, id) and its commands. */
export interface MenuContent {
  title: string;
  /** A second heading line, e.g. the camera id, shown whole however long it is. */
  subtitle?: string;
  items: readonly MenuItem[];
}

/** A context menu to show, and where it was asked for. */
export interface MenuRequest extends MenuContent {
  at: Point;
}

/** A point in CSS pixels of the window. */
export interface Point {
  x: number;
  y: number;
}

/** A width and height in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Keeps a menu this far from the window's edges. */
const MARGIN = 4;

/**
 * Where a context menu opened at `at` goes so all of it shows: at the pointer, flipped left or up when it would
 * cross the window's right or bottom edge, and never off the top or left.
 */
export function menuPosition(at: Point, menu: Size, window: Size): Point {
  const fitsRight = at.x + menu.width + MARGIN <= window.width;
  const fitsBelow = at.y + menu.height + MARGIN <= window.height;
  const x = fitsRight ? at.x : at.x - menu.width;
  const y = fitsBelow ? at.y : at.y - menu.height;
  return {
    x: Math.max(MARGIN, Math.min(x, window.width - menu.width - MARGIN)),
    y: Math.max(MARGIN, Math.min(y, window.height - menu.height - MARGIN)),
  };
}

/** The menu item a key focuses from `current` among `count` items (arrows wrap, Home, End), or null. */
export function menuFocus(count: number, current: number, key: string): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
