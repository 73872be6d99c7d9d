/** What the test asks the floor page to play. */
export interface FloorConfig {
  server: string;
  token?: string;
  tiles: { id: number; pin: string }[];
}
