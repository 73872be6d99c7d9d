/** What the test asks the floor page to play. */
export interface FloorConfig {
  server: string;
  token?: string;
  tiles: { id: number; pin: string }[];
}

/** One floor tile's figures. */
export interface FloorTileMetrics {
  firstFrameMs?: number;
  frames: number;
  width: number;
  latenciesMs: number[];
}
