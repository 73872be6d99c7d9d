import type { StationApi } from '../../common/station-api';
import { tileKey, type ReplayDesk, type TileKey } from './replayDesk';

/** What the wall's tiles need for instant replay. */
export interface WallReplay {
  desk: ReplayDesk;
  /** Where the timeline reads recorded spans. */
  api: Pick<StationApi, 'listRecordings'>;
  /** Opens the replay picker (10 s / 30 s / 2 min back, a typed time; this tile or the whole view). */
  pick: (tileIndex: number) => void;
}

/** The replay keys of the tiles a wall shows now (tiles with a camera), in layout order. */
export function shownTileKeys(tiles: readonly (string | null | undefined)[], count: number): TileKey[] {
  return Array.from({ length: count }, (_, index) => tiles[index]).flatMap((cameraId, index) =>
    cameraId ? [tileKey(index, cameraId)] : [],
  );
}
