/** A rectangle in CSS pixels of the window. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One visible tile: its box, its band's, its video's (when it has one) and the video's object-fit. */
export interface TileGeometry {
  index: number;
  cameraId: string;
  state: string;
  tile: Box;
  band: Box | null;
  video: Box | null;
  fit: string | null;
}

/** What the wall got: the space the frame leaves it, its tiles, and whether the page scrolls. */
export interface WallGeometry {
  /** The window below the top bar and the alert banner, right of the camera list, left of the alarm panel. */
  area: Box;
  tiles: TileGeometry[];
  scrolls: boolean;
}
