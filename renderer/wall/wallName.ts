// A wall's name (`desk-1-left`), which `POST /walls/{name}/show` and a dedicated alarm wall refer to. A browser
// wall takes it from its page URL (`?wall=NAME`); a desktop window from its setting (the desktop windows' own
// `?wall=` is their display's key, not a name).
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

/** A browser wall's name from its page URL, or null when it has none or an invalid one. */
export function browserWallName(search: string): string | null {
  const name = wallParam(search);
  return name !== null && isWallName(name) ? name : null;
}
