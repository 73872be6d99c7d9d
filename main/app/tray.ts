import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';

import { PRODUCT_NAME } from '../../common/product';
import { watchCameraCounts, type CameraCounts, type CameraHealthSource } from './camera-counts';

/** The tray's texts for some counts: tooltip, macOS menu-bar title, and the menu's summary line. */
export interface TrayText {
  toolTip: string;
  title: string;
  summary: string;
}

/** Words the tray shows for `counts`; the title stays empty while nothing is down, so the menu bar stays calm. */
export function trayText({ up, down }: CameraCounts): TrayText {
  const summary = `${up} up, ${down} down`;
  return {
    toolTip: `${PRODUCT_NAME}: cameras ${summary}`,
    title: down > 0 ? `${down} down` : '',
    summary: `Cameras: ${summary}`,
  };
}

/** What the tray's menu items do; the composition decides (e.g. kiosk asks for the PIN before quitting). */
export interface TrayActions {
  showWalls(): void;
  isKiosk(): boolean;
  toggleKiosk(): void;
  quit(): void;
}

/** The tray menu for some counts. */
export function trayMenuTemplate(counts: CameraCounts, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: trayText(counts).summary, enabled: false },
    { type: 'separator' },
    {
      label: 'Show walls',
      click: () => {
        actions.showWalls();
      },
    },
    {
      label: 'Kiosk mode',
      type: 'checkbox',
      checked: actions.isKiosk(),
      click: () => {
        actions.toggleKiosk();
      },
    },
    { type: 'separator' },
    {
      label: `Quit ${PRODUCT_NAME}`,
      click: () => {
        actions.quit();
      },
    },
  ];
}

/** What `setupTray` needs: a tray (`new Tray(icon)`), `Menu.buildFromTemplate`, the cameras, and the actions. */
export interface TrayDeps {
  tray: Pick<Tray, 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  cameras: CameraHealthSource;
  actions: TrayActions;
}

/** The running tray: `refresh()` redraws it (e.g. after kiosk changed), `dispose()` removes it. */
export interface TrayHandle {
  refresh(): void;
  dispose(): void;
}

/** Shows camera up/down counts in the tray's tooltip, title and menu, kept current from station events. */
export function setupTray({ tray, buildMenu, cameras, actions }: TrayDeps): TrayHandle {
  let counts: CameraCounts = { up: 0, down: 0 };
  const draw = (): void => {
    const text = trayText(counts);
    tray.setToolTip(text.toolTip);
    tray.setTitle(text.title);
    tray.setContextMenu(buildMenu(trayMenuTemplate(counts, actions)));
  };
  const unsubscribe = watchCameraCounts(cameras, (next) => {
    counts = next;
    draw();
  });
  return {
    refresh: draw,
    dispose: () => {
      unsubscribe();
      tray.destroy();
    },
  };
}
