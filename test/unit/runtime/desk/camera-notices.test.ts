import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  cameraNotice,
  watchCameraNotices,
  type CameraNotice,
} from '../../../../main/runtime/desk/camera-notices';
import { FakeCameras } from './fake-cameras';

describe('cameraNotice', () => {
  it.each([
    [[], [], undefined],
    [
      [{ name: 'Gate', state: 'offline' as const, reason: 'No video for 12 s' }],
      [],
      { title: 'Gate is offline', body: 'No video for 12 s' },
    ],
    [
      [
        { name: 'Gate', state: 'offline' as const },
        { name: 'Dock', state: 'stale' as const },
      ],
      ['Lobby'],
      { title: '2 cameras down', body: 'Gate (offline), Dock (stale)\nBack: Lobby' },
    ],
    [[], ['Lobby'], { title: 'Lobby is back', body: 'Video is live again' }],
    [[], ['A', 'B', 'C', 'D', 'E', 'F', 'G'], { title: '7 cameras back', body: 'A, B, C, D, E and 2 more' }],
  ])('%j, back %j', (down, back, notice) => {
    expect(cameraNotice(down, back)).toEqual(notice);
  });
});

describe('watchCameraNotices', () => {
  const ids = Array.from({ length: 16 }, (_, i) => `cam${i + 1}`);
  let cameras: FakeCameras;
  let shown: CameraNotice[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    cameras = new FakeCameras(ids);
    shown = [];
    stop = watchCameraNotices({
      cameras,
      show: (notice) => {
        shown.push(notice);
      },
      canShow: () => true,
      gatherMs: 3_000,
      minGapMs: 30_000,
    });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('sixteen cameras dropping at once make one notification', () => {
    for (const id of ids) cameras.set(id, 'stale', 'No video for 2 s');
    for (const id of ids) cameras.set(id, 'offline', 'No video for 10 s');
    vi.advanceTimersByTime(3_000);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: '16 cameras down', urgency: 'critical' });
    expect(shown[0]?.body).toContain('and 11 more');
  });

  it('one stale camera is announced once, not again when it goes offline', () => {
    cameras.set('cam1', 'stale', 'No video for 2 s');
    vi.advanceTimersByTime(3_000);
    cameras.set('cam1', 'offline', 'No video for 10 s');
    vi.advanceTimersByTime(60_000);
    expect(shown.map((n) => n.title)).toEqual(['Camera cam1 is stale']);
  });

  it('a camera that recovers before its notice is not announced', () => {
    cameras.set('cam1', 'stale');
    cameras.set('cam1', 'live');
    vi.advanceTimersByTime(60_000);
    expect(shown).toHaveLength(0);
  });

  it('announces a camera back after it was announced down, no sooner than the gap allows', () => {
    cameras.set('cam1', 'offline');
    vi.advanceTimersByTime(3_000);
    cameras.set('cam1', 'live');
    vi.advanceTimersByTime(29_999);
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(shown.map((n) => n.title)).toEqual(['Camera cam1 is offline', 'Camera cam1 is back']);
    expect(shown[1]?.urgency).toBe('normal');
  });

  it('changes trickling in during the gap join the next notice', () => {
    cameras.set('cam1', 'offline');
    vi.advanceTimersByTime(3_000);
    for (const id of ['cam2', 'cam3', 'cam4']) {
      cameras.set(id, 'offline');
      vi.advanceTimersByTime(5_000);
    }
    vi.advanceTimersByTime(30_000);
    expect(shown.map((n) => n.title)).toEqual(['Camera cam1 is offline', '3 cameras down']);
  });

  it('a removed or disabled camera is forgotten', () => {
    cameras.set('cam1', 'offline');
    cameras.set('cam2', 'offline');
    cameras.remove('cam1');
    cameras.set('cam2', 'disabled');
    vi.advanceTimersByTime(60_000);
    expect(shown).toHaveLength(0);
  });
});

it('shows nothing where the host cannot show notices', () => {
  vi.useFakeTimers();
  const cameras = new FakeCameras(['a']);
  const show = vi.fn();
  const stop = watchCameraNotices({ cameras, show, canShow: () => false });
  cameras.set('a', 'offline');
  vi.advanceTimersByTime(60_000);
  expect(show).not.toHaveBeenCalled();
  stop();
  vi.useRealTimers();
});
