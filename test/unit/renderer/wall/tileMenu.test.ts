import { describe, expect, it, vi } from 'vitest';

import type { MenuContent } from '../../../../renderer/menu/menu';
import { tileMenu, type TileMenuActions, type TileMenuContext } from '../../../../renderer/wall/tileMenu';
import { camera } from '../fixtures';

const actions = (): TileMenuActions => ({
  toggleFull: vi.fn(),
  snapshot: vi.fn(),
  restart: vi.fn(),
  toggleStats: vi.fn(),
  toggleMute: vi.fn(),
  clear: vi.fn(),
  edit: vi.fn(),
  placeHighlighted: vi.fn(),
  replayBack: vi.fn(),
  replayPick: vi.fn(),
  live: vi.fn(),
});

const context = (over: Partial<TileMenuContext> = {}): TileMenuContext => ({
  index: 2,
  cameraId: 'gate',
  camera: camera('gate', { name: 'Gate' }),
  full: false,
  statsShown: false,
  muted: true,
  highlighted: undefined,
  replay: 'unavailable',
  ...over,
});

const labels = (menu: MenuContent): string[] =>
  menu.items.map((item) => `${item.label}${item.disabled ? ' (disabled)' : ''}`);

describe('tileMenu', () => {
  it('a camera tile: full window, snapshot, restart, stats, remove, edit; headed by name and whole id', () => {
    const menu = tileMenu(context(), actions());
    expect(menu.title).toBe('Gate');
    expect(menu.subtitle).toBe('gate');
    expect(labels(menu)).toEqual([
      'Show full window',
      'Snapshot (PNG)',
      'Restart stream',
      'Show stats',
      'Remove from tile',
      'Edit camera…',
    ]);
  });

  it.each<[string, Partial<TileMenuContext>, string[]]>([
    ['full window offers the way back', { full: true }, ['Back to the wall']],
    ['stats shown offers to hide them', { statsShown: true }, ['Hide stats']],
    ['a camera with audio offers unmute', { camera: camera('gate', { audio: true }) }, ['Unmute']],
    ['an unmuted camera offers mute', { camera: camera('gate', { audio: true }), muted: false }, ['Mute']],
    [
      'another highlighted camera is offered',
      { highlighted: camera('yard', { name: 'Yard' }) },
      ['Put Yard here'],
    ],
    [
      'a camera the station no longer lists cannot be edited',
      { camera: undefined },
      ['Edit camera… (disabled)'],
    ],
  ])('%s', (_, over, present) => {
    expect(labels(tileMenu(context(over), actions()))).toEqual(expect.arrayContaining(present));
  });

  it('does not offer the camera the tile already shows', () => {
    const menu = tileMenu(context({ highlighted: camera('gate', { name: 'Gate' }) }), actions());
    expect(labels(menu).some((label) => label.startsWith('Put '))).toBe(false);
  });

  it('an empty tile offers the highlighted camera, or says how to get one', () => {
    const empty = { cameraId: null, camera: undefined };
    const offered = tileMenu(context({ ...empty, highlighted: camera('yard', { name: 'Yard' }) }), actions());
    expect(offered.title).toBe('Tile 3 (empty)');
    expect(labels(offered)).toEqual(['Put Yard here']);
    expect(labels(tileMenu(context(empty), actions()))).toEqual([
      'Highlight a camera in the list to put it here (disabled)',
    ]);
  });

  it('each command runs its action', () => {
    const act = actions();
    const menu = tileMenu(
      context({ camera: camera('gate', { audio: true }), highlighted: camera('yard'), replay: 'playback' }),
      act,
    );
    for (const item of menu.items) item.onSelect();
    for (const [name, action] of Object.entries(act)) {
      // 10 s, 30 s and 2 min back.
      expect(action).toHaveBeenCalledTimes(name === 'replayBack' ? 3 : 1);
    }
  });

  it('offers instant replay first where the station plays recordings, and the way back to live in replay', () => {
    const act = actions();
    const live = tileMenu(context({ replay: 'live' }), act);
    expect(labels(live).slice(0, 4)).toEqual([
      'Replay 10 s back',
      'Replay 30 s back',
      'Replay 2 min back',
      'Replay from a time… (this tile or the whole view)',
    ]);
    live.items[1]?.onSelect();
    expect(act.replayBack).toHaveBeenCalledWith(30);
    const playback = tileMenu(context({ replay: 'playback' }), act);
    expect(playback.items[0]).toMatchObject({ label: 'Back to live', testId: 'tile-menu-live' });
    expect(
      labels(tileMenu(context({ cameraId: null, camera: undefined, replay: 'live' }), act)),
    ).not.toContain('Replay 10 s back');
  });
});
