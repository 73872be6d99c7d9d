const KEY = 'vigil.wall.view';

/**
 * The key this window remembers its view under: desktop wall windows share one origin, so each is told its
 * wall (`?wall=<display key>`) and keeps its own; the main process also passes the saved view (`?view=`).
 */
function keyFor(search: string): { key: string; fallback: string | null } {
  const params = new URLSearchParams(search);
  const wall = params.get('wall');
  return { key: wall === null ? KEY : `${KEY}.${wall}`, fallback: params.get('view') };
}

function pageSearch(): string {
  return typeof location === 'undefined' ? '' : location.search;
}

/** localStorage when the page has it (not under server rendering, not when storage is blocked). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The id of the view this window showed last (only the id is kept, never a key or a camera detail). */
export function readSelectedView(search = pageSearch()): string | null {
  const { key, fallback } = keyFor(search);
  return storage()?.getItem(key) ?? fallback;
}

/** Remembers the view this window shows, or forgets it. */
export function writeSelectedView(viewId: string | null, search = pageSearch()): void {
  const store = storage();
  if (!store) return;
  const { key } = keyFor(search);
  if (viewId === null) store.removeItem(key);
  else store.setItem(key, viewId);
}
