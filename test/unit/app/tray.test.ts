import { describe, expect, it, vi } from 'vitest';

import { setupTray, type TrayActions } from '../../../main/app/tray';
import type { GatewayState } from '../../../main/runtime/station-gateway';
import { FakeCameras } from '../runtime/desk/fake-cameras';
import { FakeMenuApi, FakeTray, clickItem, findItem, templateOf } from './stand-in';

function actions(kiosk = false) {
  return {
    showWalls: vi.fn(),
    isKiosk: vi.fn(() => kiosk),
    toggleKiosk: vi.fn(),
    quit: vi.fn(),
  } satisfies TrayActions;
}

const running = (): Pick<GatewayState, 'gaveUp'> => ({});

describe('setupTray', () => {
  it('shows the counts in tooltip, title and menu, and follows camera events', () => {
    const tray = new FakeTray();
    const menus = new FakeMenuApi();
    const cameras = new FakeCameras(['a', 'b', 'c']);
    setupTray({ tray, buildMenu: menus.buildFromTemplate, cameras, janus: running, actions: actions() });
    expect(tray.toolTip).toBe('Vigil: cameras 3 up, 0 down');
    expect(findItem(templateOf(tray.contextMenu), 'Cameras: 3 up, 0 down')).toBeDefined();

    cameras.set('b', 'offline');
    cameras.set('c', 'stale');
    expect(tray.toolTip).toBe('Vigil: cameras 1 up, 2 down');
    expect(tray.title).toBe('2 down');
    expect(findItem(templateOf(tray.contextMenu), 'Cameras: 1 up, 2 down')).toBeDefined();
  });

  it('shows that Janus stopped, in the title and as a menu line, once it is redrawn', () => {
    const tray = new FakeTray();
    const menus = new FakeMenuApi();
    let janus: Pick<GatewayState, 'gaveUp'> = {};
    const handle = setupTray({
      tray,
      buildMenu: menus.buildFromTemplate,
      cameras: new FakeCameras(['a']),
      janus: () => janus,
      actions: actions(),
    });
    expect(tray.title).toBe('');
    janus = { gaveUp: { reason: 'Janus failed 5 times in a row' } };
    handle.refresh();
    expect(tray.title).toBe('Janus stopped');
    expect(findItem(templateOf(tray.contextMenu), 'Janus stopped: choose another in Settings')).toBeDefined();
  });

  it('menu items show walls, toggle kiosk (checked while on) and quit', () => {
    const tray = new FakeTray();
    const menus = new FakeMenuApi();
    const wired = actions(true);
    setupTray({
      tray,
      buildMenu: menus.buildFromTemplate,
      cameras: new FakeCameras(),
      janus: running,
      actions: wired,
    });
    const template = templateOf(tray.contextMenu);
    const click = (label: string): void => {
      clickItem(template, label);
    };
    expect(findItem(template, 'Kiosk mode')?.checked).toBe(true);
    click('Show walls');
    click('Kiosk mode');
    click('Quit Vigil');
    expect(wired.showWalls).toHaveBeenCalledOnce();
    expect(wired.toggleKiosk).toHaveBeenCalledOnce();
    expect(wired.quit).toHaveBeenCalledOnce();
  });

  it('dispose unsubscribes and destroys the tray', () => {
    const tray = new FakeTray();
    const cameras = new FakeCameras(['a']);
    const handle = setupTray({
      tray,
      buildMenu: new FakeMenuApi().buildFromTemplate,
      cameras,
      janus: running,
      actions: actions(),
    });
    handle.dispose();
    expect(tray.destroyed).toBe(true);
    expect(cameras.listenerCount()).toBe(0);
  });
});
