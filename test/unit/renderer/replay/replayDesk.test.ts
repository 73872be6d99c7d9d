import { describe, expect, it } from 'vitest';

import { ReplayDesk, tileKey } from '../../../../renderer/replay/replayDesk';
import { shownTileKeys } from '../../../../renderer/replay/wallReplay';
import { FakeMediaEnv, fakeSource } from '../playback/fakes';

const T = Date.parse('2030-01-01T12:00:00Z');
/** Within the few ms the real clock runs during a test. */
const near = (ms: number | undefined, expected: number): boolean =>
  ms !== undefined && Math.abs(ms - expected) < 500;

function desk() {
  const media = new FakeMediaEnv();
  const { source } = fakeSource((from) => from);
  const replay = new ReplayDesk({ source, media: () => media });
  let changes = 0;
  replay.subscribe(() => {
    changes++;
  });
  return { replay, changes: () => changes };
}

describe('ReplayDesk', () => {
  it('puts one tile in instant replay on a clock of its own; again only moves that clock', () => {
    const { replay, changes } = desk();
    const a = tileKey(0, 'lobby');
    replay.replayTile(a, T);
    const group = replay.groupFor(a);
    expect(near(group?.now(), T)).toBe(true);
    expect(replay.groupFor(tileKey(1, 'gate'))).toBeUndefined();
    replay.replayTile(a, T - 60_000);
    expect(replay.groupFor(a)).toBe(group);
    expect(near(group?.now(), T - 60_000)).toBe(true);
    expect(changes()).toBe(1);
  });

  it('puts the whole view on one shared clock, replacing tiles’ own replays; a tile’s jump moves them all', () => {
    const { replay } = desk();
    const tiles = [tileKey(0, 'a'), tileKey(1, 'b'), tileKey(2, 'c')];
    replay.replayTile(tiles[0] ?? '', T);
    replay.replayView(tiles, T - 30_000);
    const shared = replay.syncGroup();
    expect(tiles.map((t) => replay.groupFor(t))).toEqual([shared, shared, shared]);
    expect(tiles.every((t) => replay.inSync(t))).toBe(true);
    replay.replayTile(tiles[1] ?? '', T - 5000);
    expect(near(shared?.now(), T - 5000)).toBe(true);
  });

  it('back to live: one tile leaves the shared clock, the last one ends it; liveAll ends everything', () => {
    const { replay } = desk();
    const [a, b] = [tileKey(0, 'a'), tileKey(1, 'b')];
    replay.replayView([a, b], T);
    replay.live(a);
    expect(replay.groupFor(a)).toBeUndefined();
    expect(replay.syncGroup()).toBeDefined();
    replay.live(b);
    expect(replay.syncGroup()).toBeUndefined();
    replay.replayTile(a, T);
    replay.replayView([b], T);
    replay.liveAll();
    expect([replay.groupFor(a), replay.groupFor(b), replay.syncGroup()]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('ends the replays of tiles the wall no longer shows (camera changed, layout dropped the tile)', () => {
    const { replay } = desk();
    replay.replayTile(tileKey(0, 'a'), T);
    replay.replayView([tileKey(1, 'b'), tileKey(2, 'c')], T);
    replay.retain(shownTileKeys(['x', 'b'], 4));
    expect(replay.groupFor(tileKey(0, 'a'))).toBeUndefined();
    expect(replay.inSync(tileKey(1, 'b'))).toBe(true);
    expect(replay.inSync(tileKey(2, 'c'))).toBe(false);
    replay.retain([]);
    expect(replay.syncGroup()).toBeUndefined();
  });

  it('keys tiles by place and camera', () => {
    expect(shownTileKeys(['a', null, 'c', undefined], 3)).toEqual(['0:a', '2:c']);
  });
});
