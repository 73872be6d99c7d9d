import { SLUG } from '../../common/patterns';

/** The wall name a page was opened with (`?wall=desk-1-left`), or undefined when it has none or a malformed one. */
export function wallNameOf(search: string): string | undefined {
  const name = new URLSearchParams(search).get('wall');
  return name !== null && new RegExp(SLUG.pattern).test(name) ? name : undefined;
}
