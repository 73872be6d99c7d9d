// The desktop app's named wall windows: a page names itself over IPC (`desktop:name-wall`) and is a connected
// wall of kind `desktop` until it renames, unnames or goes away. Host-neutral (pages are any objects), so the
// Electron shell only wires it to its WebContents.
import type { StationEvent } from '../../common/events';
import type { WallConnections } from '../api/types';

/** Which page holds which wall name. */
export class PageWalls<Page extends object> {
  readonly #names = new Map<Page, { name: string; disconnect: () => void }>();

  constructor(private readonly walls: WallConnections) {}

  /** Names `page` (replacing its earlier name), or with null unnames it. */
  name(page: Page, name: string | null): void {
    this.forget(page);
    if (name !== null) this.#names.set(page, { name, disconnect: this.walls.connect(name, 'desktop') });
  }

  /** The wall name `page` holds, if any. */
  nameOf(page: Page): string | undefined {
    return this.#names.get(page)?.name;
  }

  /** Ends `page`'s wall connection (its window closed). */
  forget(page: Page): void {
    this.#names.get(page)?.disconnect();
    this.#names.delete(page);
  }

  /** Whether `page` is sent `event`: `wall.show` only to the page holding that wall's name. */
  reaches(page: Page, event: StationEvent): boolean {
    return event.type !== 'wall.show' || event.wall === this.nameOf(page);
  }
}
