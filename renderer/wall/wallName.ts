// A wall's name (`desk-1-left`), which `POST /walls/{name}/show` and a dedicated alarm wall refer to. A browser
// wall takes it from its page URL (`?wall=NAME`); a desktop window's `?wall=` is its display's key (a slug too),
// which names it unless the window was given a name in its alarm settings.
import { SLUG } from '../../common/patterns';

const NAME = new RegExp(SLUG.pattern);

/** Whether a text is a valid wall name. */
export function isWallName(name: string): boolean {
  return NAME.test(name);
}

/** The page's `?wall=` value, or null (this window's key for what it keeps in storage). */
export function wallParam(search: string): string | null {
  return new URLSearchParams(search).get('wall');
}

/** The wall name a page was opened with (`?wall=desk-1-left`), or undefined when it has none or a malformed one. */
export function wallNameOf(search: string): string | undefined {
  const name = wallParam(search);
  return name !== null && isWallName(name) ? name : undefined;
}
