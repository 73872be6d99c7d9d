// Monitors as the desk sees them: Electron's `Display` and `Rectangle` fit these, and so do test fakes.

/** A rectangle in screen coordinates (a window's bounds, a display's area). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A connected monitor: its id, name, whole area and work area (without task bars), and scale factor. */
export interface DeskDisplay {
  id: number;
  label: string;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
}
