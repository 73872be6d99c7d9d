import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

import type { DesktopApi } from '../../../common/desktop';
import type { StationApi } from '../../../common/station-api';
import { App } from '../../../renderer/App';
import type { StreamPlayer } from '../../../renderer/player/types';
import { camera } from './fixtures';

const listCameras = vi.fn(() => Promise.resolve([camera('gate')]));
const onEvent = vi.fn(() => () => undefined);

function fakePlayer() {
  return { play: vi.fn(), prefetch: vi.fn(), destroy: vi.fn(() => Promise.resolve()) } satisfies StreamPlayer;
}

function fakeApi(): StationApi {
  const never = (): Promise<never> => Promise.reject(new Error('not used by a server render'));
  return {
    listCameras,
    addCamera: never,
    updateCamera: never,
    removeCamera: never,
    restartCamera: never,
    probe: never,
    streamInfo: never,
    health: never,
    listViews: vi.fn(() => Promise.resolve([])),
    createView: never,
    updateView: never,
    deleteView: never,
    viewShown: never,
    listRecordings: never,
    raiseAlarm: never,
    listAlarms: vi.fn(() => Promise.resolve([])),
    getAlarm: never,
    acknowledgeAlarm: never,
    closeAlarm: never,
    snoozeAlarm: never,
    listWalls: vi.fn(() => Promise.resolve([])),
    showOnWall: never,
    onEvent,
  };
}

describe('App (server render smoke test)', () => {
  it('renders the toolbar, camera list and an empty 2×2 wall without running effects', () => {
    const api = fakeApi();
    const player = fakePlayer();
    const html = renderToString(createElement(App, { api, player }));

    const ids = ['wall', 'camera-list', 'camera-rows', 'camera-filter', 'group-by-tag', 'camera-counts'];
    for (const id of [...ids, 'add-camera', 'view-select', 'save-view', 'tour-toggle']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    for (const layout of ['1', '2x2', '3x3', '4x4', '5x5', '1+5', '1+7', '1+12']) {
      expect(html).toContain(`data-testid="layout-${layout}"`);
    }
    for (const index of [0, 1, 2, 3]) {
      expect(html).toContain(`data-testid="tile-${index}" data-camera-id="" data-state="empty"`);
    }
    expect(html).not.toContain('data-testid="tile-4"');
    expect(html).not.toContain('data-testid="alert-banner"');
    // No alarm is open yet: the alarm panel leaves the wall its room; the top bar's button says there are none.
    expect(html).not.toContain('data-testid="alarm-panel"');
    expect(html).toMatch(/data-testid="alarm-toggle" data-new="0"[^>]*>Alarms</);
    expect(html).not.toContain('data-testid="wall-restore"');
    expect(html).not.toContain('data-testid="context-menu"');
    expect(html).toContain('data-testid="count-live" data-count="0"');
    // Effects and refs never run on the server: nothing played or prefetched, no fetch, no subscription.
    expect(player.play).not.toHaveBeenCalled();
    expect(player.prefetch).not.toHaveBeenCalled();
    expect(listCameras).not.toHaveBeenCalled();
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('offers Settings only in the desktop app, and only once main said kiosk is off', () => {
    const player = fakePlayer();
    const desktop: DesktopApi = {
      settings: vi.fn(),
      updateSettings: vi.fn(),
      unlockKiosk: vi.fn(),
      showingView: vi.fn(),
      nameWall: vi.fn(),
      onKioskUnlockPrompt: vi.fn(() => () => undefined),
      onKioskChange: vi.fn(() => () => undefined),
    };
    expect(renderToString(createElement(App, { api: fakeApi(), player }))).not.toContain('>Settings<');
    // A first render knows nothing of kiosk yet (effects ask main): no Settings button on what may be a kiosk wall.
    expect(renderToString(createElement(App, { api: fakeApi(), player, desktop }))).not.toContain(
      '>Settings<',
    );
  });
});
