import { describe, expect, it } from 'vitest';

import type { TileStatus } from '../../../../renderer/player/types';
import { clockTime, noVideoSince, tileView } from '../../../../renderer/wall/tileState';
import { camera, localTime } from '../fixtures';

const at = localTime(14, 2, 11);
const iso = new Date(at).toISOString();
const status = (state: TileStatus['state'], over: Partial<TileStatus> = {}): TileStatus => ({
  state,
  since: at,
  attempt: 0,
  ...over,
});

describe('state labels', () => {
  it('formats the desk clock as HH:MM:SS', () => {
    expect(clockTime(localTime(9, 5, 3))).toBe('09:05:03');
    expect(clockTime(new Date(localTime(23, 59, 59)).toISOString())).toBe('23:59:59');
    expect(noVideoSince(at)).toBe('no video since 14:02:11');
  });
});

describe('tileView', () => {
  it.each<[string, Parameters<typeof tileView>, ReturnType<typeof tileView>]>([
    ['no player yet', [camera('a'), null], { kind: 'connecting', label: 'connecting' }],
    [
      'camera starting',
      [camera('a', {}, { state: 'starting' }), status('connecting')],
      { kind: 'connecting', label: 'camera starting' },
    ],
    ['live', [camera('a'), status('live')], { kind: 'live', label: 'live' }],
    ['unknown camera, live player', [undefined, status('live')], { kind: 'live', label: 'live' }],
    ['paused', [camera('a'), status('paused')], { kind: 'paused', label: 'paused (not visible)' }],
    [
      'reconnecting',
      [camera('a'), status('reconnecting', { attempt: 3, reason: 'ICE failed' })],
      { kind: 'reconnecting', label: 'reconnecting (attempt 3)', reason: 'ICE failed' },
    ],
    ['player stale', [camera('a'), status('stale')], { kind: 'stale', label: 'no video since 14:02:11' }],
    [
      'station stale wins over a live player',
      [camera('a', {}, { state: 'stale', since: iso, reason: 'no packets' }), status('live')],
      { kind: 'stale', label: 'no video since 14:02:11', reason: 'no packets' },
    ],
    [
      'both stale: the earlier time',
      [
        camera('a', {}, { state: 'stale', since: new Date(localTime(14, 3, 0)).toISOString() }),
        status('stale'),
      ],
      { kind: 'stale', label: 'no video since 14:02:11' },
    ],
    [
      'offline',
      [
        camera('a', {}, { state: 'offline', since: iso, reason: 'connection refused' }),
        status('reconnecting'),
      ],
      { kind: 'offline', label: 'offline since 14:02:11', reason: 'connection refused' },
    ],
    [
      'station error',
      [camera('a', {}, { state: 'error', reason: 'mountpoint failed' }), status('live')],
      { kind: 'error', label: 'error', reason: 'mountpoint failed' },
    ],
    [
      'player error',
      [camera('a'), status('error', { reason: 'stream not found' })],
      { kind: 'error', label: 'error', reason: 'stream not found' },
    ],
    [
      'disabled camera',
      [camera('a', { enabled: false }), status('live')],
      { kind: 'disabled', label: 'disabled' },
    ],
    [
      'station says disabled',
      [camera('a', {}, { state: 'disabled' }), null],
      { kind: 'disabled', label: 'disabled' },
    ],
  ])('%s', (_, args, expected) => {
    expect(tileView(...args)).toEqual(expected);
  });
});
