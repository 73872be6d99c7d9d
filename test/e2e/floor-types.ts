/** What the test asks the floor page to play. */
export interface FloorConfig {
  server: string;
  token?: string;
  /** Janus's API secret, for a floor that talks to Janus directly. */
  apisecret?: string;
  /** Mountpoints; no pin through the station's door (it adds the pin itself). */
  tiles: { id: number; pin?: string }[];
}
