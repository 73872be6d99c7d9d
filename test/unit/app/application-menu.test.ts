import { describe, expect, it, vi } from 'vitest';

import {
  applicationMenuTemplate,
  isHttpUrl,
  setupApplicationMenu,
  type ApplicationMenuActions,
  type ApplicationMenuOptions,
} from '../../../main/app/application-menu';
import { FakeMenuApi, allItems, clickItem, findItem, templateOf } from './stand-in';

function actions(kiosk: boolean) {
  return {
    showWalls: vi.fn(),
    wallChoices: () => [
      { displayId: 1, label: 'DELL U2415', enabled: true },
      { displayId: 2, label: 'Display 2', enabled: false },
    ],
    toggleWall: vi.fn(),
    isKiosk: () => kiosk,
    toggleKiosk: vi.fn(),
    openExternal: vi.fn(),
  } satisfies ApplicationMenuActions;
}

const linux: ApplicationMenuOptions = {
  platform: 'linux',
  devTools: true,
  docsUrl: 'https://vigil.example/docs',
};
const ESCAPE_ROLES = [
  'reload',
  'forceReload',
  'toggleDevTools',
  'togglefullscreen',
  'close',
  'quit',
  'appMenu',
  'help',
];

describe('isHttpUrl', () => {
  it.each([
    ['https://vigil.example/docs', true],
    ['http://127.0.0.1:8080/docs', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['//vigil.example/docs', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });
});

describe('applicationMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'in kiosk on %s: no reload, full screen, close, quit or help',
    (platform) => {
      const items = allItems(applicationMenuTemplate({ ...linux, platform }, actions(true)));
      const roles = items.map((item) => item.role).filter(Boolean);
      expect(roles.filter((role) => ESCAPE_ROLES.includes(role ?? ''))).toEqual([]);
      expect(items.map((item) => item.accelerator).filter(Boolean)).toEqual(['CmdOrCtrl+Shift+W']);
      expect(findItem(items, 'Leave kiosk mode…')).toBeDefined();
      expect(findItem(items, 'Wall on DELL U2415')?.enabled).toBe(false);
    },
  );

  it('outside kiosk: reload, full screen, walls per display, and Help opening the docs link', () => {
    const wired = actions(false);
    const template = applicationMenuTemplate(linux, wired);
    const roles = allItems(template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'togglefullscreen', 'close', 'quit', 'help']));
    expect(findItem(template, 'Wall on DELL U2415')).toMatchObject({ type: 'checkbox', checked: true });
    expect(findItem(template, 'Wall on Display 2')).toMatchObject({ checked: false });
    clickItem(template, 'Wall on Display 2');
    clickItem(template, 'Vigil documentation');
    clickItem(template, 'Enter kiosk mode');
    clickItem(template, 'Show walls');
    expect(wired.toggleWall).toHaveBeenCalledWith(2);
    expect(wired.openExternal).toHaveBeenCalledWith('https://vigil.example/docs');
    expect(wired.toggleKiosk).toHaveBeenCalledOnce();
    expect(wired.showWalls).toHaveBeenCalledOnce();
  });

  it('offers developer tools only when asked', () => {
    const roles = allItems(applicationMenuTemplate({ ...linux, devTools: false }, actions(false))).map(
      (i) => i.role,
    );
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('forceReload');
  });

  it.each(['file:///usr/share/doc/vigil/index.html', 'javascript:alert(1)', undefined])(
    'has no Help for docs address %s',
    (docsUrl) => {
      const items = allItems(applicationMenuTemplate({ ...linux, docsUrl }, actions(false)));
      expect(items.map((item) => item.role)).not.toContain('help');
    },
  );
});

describe('setupApplicationMenu', () => {
  it('sets the menu and rebuilds it on refresh (kiosk entered → no reload)', () => {
    const Menu = new FakeMenuApi();
    let kiosk = false;
    const refresh = setupApplicationMenu({
      Menu,
      options: linux,
      actions: { ...actions(false), isKiosk: () => kiosk },
    });
    expect(allItems(templateOf(Menu.applicationMenu)).map((i) => i.role)).toContain('reload');
    kiosk = true;
    refresh();
    expect(allItems(templateOf(Menu.applicationMenu)).map((i) => i.role)).not.toContain('reload');
  });
});
