import type { Menu, MenuItemConstructorOptions } from 'electron';

import { PRODUCT_NAME } from '../../common/product';
import type { WallChoice } from '../runtime/desk/wall-windows';

/** What the menu's own items do; roles (reload, full screen, close, quit) are Electron's. */
export interface ApplicationMenuActions {
  showWalls(): void;
  wallChoices(): WallChoice[];
  toggleWall(displayId: number): void;
  isKiosk(): boolean;
  /** Enters kiosk, or asks for the PIN to leave it. */
  toggleKiosk(): void;
  /** Opens `url` in the system browser (the composition's openExternal, which allows the app's own links). */
  openExternal(url: string): void;
}

/** How the menu is shaped: platform, whether developer tools are offered, the documentation's http(s) address. */
export interface ApplicationMenuOptions {
  platform: NodeJS.Platform;
  devTools: boolean;
  docsUrl?: string | undefined;
}

/** Whether `url` is an absolute http(s) address (the only kind Help may open). */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function wallsMenu(actions: ApplicationMenuActions, kiosk: boolean): MenuItemConstructorOptions {
  const displays = actions.wallChoices().map((choice): MenuItemConstructorOptions => ({
    label: `Wall on ${choice.label}`,
    type: 'checkbox',
    checked: choice.enabled,
    enabled: !kiosk,
    click: () => {
      actions.toggleWall(choice.displayId);
    },
  }));
  return {
    label: 'Walls',
    submenu: [
      {
        label: 'Show walls',
        accelerator: 'CmdOrCtrl+Shift+W',
        click: () => {
          actions.showWalls();
        },
      },
      ...(displays.length > 0 ? [{ type: 'separator' as const }, ...displays] : []),
      { type: 'separator' },
      {
        label: kiosk ? 'Leave kiosk mode…' : 'Enter kiosk mode',
        ...(kiosk ? {} : { accelerator: 'CmdOrCtrl+Shift+K' }),
        click: () => {
          actions.toggleKiosk();
        },
      },
    ],
  };
}

/**
 * The application menu. In kiosk it holds only the walls and "Leave kiosk mode…": no reload, full screen, close,
 * quit, developer tools or Help (a browser would be a way out of the kiosk).
 */
export function applicationMenuTemplate(
  options: ApplicationMenuOptions,
  actions: ApplicationMenuActions,
): MenuItemConstructorOptions[] {
  const kiosk = actions.isKiosk();
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: PRODUCT_NAME, submenu: kiosk ? [{ role: 'about' }] : [{ role: 'appMenu' }] }]
    : [];
  if (kiosk) return [...appMenu, wallsMenu(actions, kiosk)];
  const { docsUrl } = options;
  return [
    ...appMenu,
    { label: 'File', submenu: [{ role: 'close' }, ...(mac ? [] : [{ role: 'quit' as const }])] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    wallsMenu(actions, kiosk),
    ...(docsUrl !== undefined && isHttpUrl(docsUrl)
      ? [
          {
            role: 'help' as const,
            submenu: [
              {
                label: `${PRODUCT_NAME} documentation`,
                click: () => {
                  actions.openExternal(docsUrl);
                },
              },
            ],
          },
        ]
      : []),
  ];
}

/** What `setupApplicationMenu` needs: Electron's `Menu` (static side), the menu's shape and actions. */
export interface ApplicationMenuDeps {
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  options: ApplicationMenuOptions;
  actions: ApplicationMenuActions;
}

/** Sets the application menu; call the returned `refresh` when kiosk or the walls change. */
export function setupApplicationMenu({ Menu, options, actions }: ApplicationMenuDeps): () => void {
  const refresh = (): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(options, actions)));
  };
  refresh();
  return refresh;
}
