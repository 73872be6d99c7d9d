import { describe, expect, it } from 'vitest';

import type { GroupSnapshot } from '../../../../renderer/playback';
import { playbackBadge, replayMessage } from '../../../../renderer/replay/TileReplay';

const at = new Date(2030, 0, 1, 14, 2, 11).getTime();

describe('a tile in replay', () => {
  it('badges the frame shown, else the clock', () => {
    const snapshot: GroupSnapshot = {
      wallMs: at + 5000,
      rate: 1,
      paused: false,
      held: false,
      members: new Map([['0:a', { phase: 'playing', cameraId: 'a', shownMs: at }]]),
    };
    expect(playbackBadge(snapshot, '0:a')).toBe('PLAYBACK 14:02:11');
    expect(playbackBadge(snapshot, '1:b')).toBe('PLAYBACK 14:02:16');
    expect(playbackBadge(null, '0:a')).toBe('PLAYBACK');
  });

  it('says what is wrong when it has nothing to show, and nothing while it plays', () => {
    expect(replayMessage(undefined)).toEqual({ title: 'loading recording…' });
    expect(replayMessage({ phase: 'gap', cameraId: 'a', nextMs: at })).toEqual({
      title: 'nothing recorded here',
      detail: 'recording resumes at 14:02:11',
    });
    expect(replayMessage({ phase: 'error', cameraId: 'a', reason: 'Nothing recorded' })).toEqual({
      title: 'no recording',
      detail: 'Nothing recorded',
    });
    expect(replayMessage({ phase: 'buffering', cameraId: 'a', shownMs: at })).toBeNull();
    expect(replayMessage({ phase: 'playing', cameraId: 'a', shownMs: at })).toBeNull();
  });
});
