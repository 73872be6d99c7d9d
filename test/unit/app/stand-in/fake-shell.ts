import type { Menu, MenuItemConstructorOptions, NativeImage, NotificationConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';

import { fakeEvent } from '../../runtime/desk/fakes/fake-event';

/** A menu as the stand-in builds it: the template it came from, and nothing native. */
export interface FakeMenu {
  readonly template: MenuItemConstructorOptions[];
}

/** Stand-in for `Menu`'s static side: records built templates and the application menu. */
export class FakeMenuApi {
  /** Every template passed to `buildFromTemplate`, oldest first. */
  readonly built: MenuItemConstructorOptions[][] = [];
  /** The last menu passed to `setApplicationMenu`. */
  applicationMenu: Menu | null = null;

  /** Records `template` and returns a menu that carries it. */
  buildFromTemplate = (template: MenuItemConstructorOptions[]): Menu => {
    this.built.push(template);
    const menu: FakeMenu = { template };
    // Menu is a native class; the stand-in's menu carries only its template, which is all tests read.
    return menu as unknown as Menu;
  };

  /** Records the application menu. */
  setApplicationMenu = (menu: Menu | null): void => {
    this.applicationMenu = menu;
  };
}

/** The template a stand-in menu was built from. */
export function templateOf(menu: Menu | null): MenuItemConstructorOptions[] {
  return (menu as unknown as FakeMenu | null)?.template ?? [];
}

/** Finds the item labelled `label` (searching submenus) in a template, or undefined. */
export function findItem(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu, label);
      if (found) return found;
    }
  }
  return undefined;
}

/** Clicks the item labelled `label` as Electron would (no window, no keyboard event); throws if there is none. */
export function clickItem(template: MenuItemConstructorOptions[], label: string): void {
  const item = findItem(template, label);
  if (!item?.click) throw new Error(`no clickable menu item "${label}"`);
  // The stand-in has no MenuItem or KeyboardEvent; the app's click handlers ignore their arguments.
  item.click(undefined as never, undefined, undefined as never);
}

/** Every item of a template and its submenus, depth first. */
export function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

/** Stand-in for `Tray`: records tooltip, title and context menu. */
export class FakeTray extends EventEmitter {
  toolTip = '';
  title = '';
  contextMenu: Menu | null = null;
  image: NativeImage | string | undefined;
  destroyed = false;

  /** Records the tooltip. */
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  /** Records the title (macOS menu bar text). */
  setTitle(title: string): void {
    this.title = title;
  }

  /** Records the icon. */
  setImage(image: NativeImage | string): void {
    this.image = image;
  }

  /** Records the context menu. */
  setContextMenu(menu: Menu | null): void {
    this.contextMenu = menu;
  }

  /** Marks the tray destroyed. */
  destroy(): void {
    this.destroyed = true;
  }
}

/** Stand-in for one `Notification`: its options, whether it was shown, and a `click` helper. */
export class FakeNotification extends EventEmitter {
  shown = false;

  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }

  /** Records that the notification was shown. */
  show(): void {
    this.shown = true;
  }

  /** Test helper: the user clicks the notification. */
  click(): void {
    this.emit('click', fakeEvent());
  }
}

/** Stand-in for `powerSaveBlocker`: hands out ids and tracks which are started. */
export class FakePowerSaveBlocker {
  readonly #started = new Map<number, string>();
  #nextId = 1;

  /** Starts a blocker of `type`; returns its id. */
  start = (type: 'prevent-app-suspension' | 'prevent-display-sleep'): number => {
    const id = this.#nextId++;
    this.#started.set(id, type);
    return id;
  };

  /** Stops blocker `id`. */
  stop = (id: number): boolean => this.#started.delete(id);

  /** Whether blocker `id` is started. */
  isStarted = (id: number): boolean => this.#started.has(id);

  /** Test helper: the types of the blockers now started. */
  active(): string[] {
    return [...this.#started.values()];
  }
}
