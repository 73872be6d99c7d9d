const KEY = 'vigil.wall.view';

/** localStorage when the page has it (not under server rendering, not when storage is blocked). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The id of the view this window showed last (only the id is kept, never a key or a camera detail). */
export function readSelectedView(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

/** Remembers the view this window shows, or forgets it. */
export function writeSelectedView(viewId: string | null): void {
  const store = storage();
  if (!store) return;
  if (viewId === null) store.removeItem(KEY);
  else store.setItem(KEY, viewId);
}
