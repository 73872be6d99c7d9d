// The tray: camera up/down counts and Janus's state (runtime's words) in its tooltip, title and menu.
import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';

import { PRODUCT_NAME } from '../../common/product';
import { watchCameraCounts, type CameraCounts, type CameraHealthSource } from '../runtime/desk/camera-counts';
import { trayText, type TrayText } from '../runtime/desk/desk-text';
import type { GatewayState } from '../runtime/station-gateway';

/** What the tray's menu items do; the composition decides (e.g. kiosk asks for the PIN before quitting). */
export interface TrayActions {
  showWalls(): void;
  isKiosk(): boolean;
  toggleKiosk(): void;
  quit(): void;
}

/** The tray menu for its texts. */
export function trayMenuTemplate(text: TrayText, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: text.summary, enabled: false },
    ...(text.warning === undefined ? [] : [{ label: text.warning, enabled: false }]),
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

/** What `setupTray` needs: a tray (`new Tray(icon)`), `Menu.buildFromTemplate`, the cameras, Janus, the actions. */
export interface TrayDeps {
  tray: Pick<Tray, 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  cameras: CameraHealthSource;
  /** Janus's state now (redraw with `refresh()` when it changes). */
  janus: () => Pick<GatewayState, 'gaveUp'>;
  actions: TrayActions;
}

/** The running tray: `refresh()` redraws it (e.g. after kiosk changed), `dispose()` removes it. */
export interface TrayHandle {
  refresh(): void;
  dispose(): void;
}

/** Shows camera up/down counts in the tray's tooltip, title and menu, kept current from station events. */
export function setupTray({ tray, buildMenu, cameras, janus, actions }: TrayDeps): TrayHandle {
  let counts: CameraCounts = { up: 0, down: 0 };
  const draw = (): void => {
    const text = trayText(counts, janus());
    tray.setToolTip(text.toolTip);
    tray.setTitle(text.title);
    tray.setContextMenu(buildMenu(trayMenuTemplate(text, actions)));
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
