import type { PlayerTile } from './model';
import { createVisibilityGate } from './visibility-gate';

// The browser globals this module uses, declared here so that it also type-checks in the Node project,
// where tests of the wall may import it (no DOM library there; see video-surface.ts).
declare const document: {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
};
declare const IntersectionObserver: new (
  callback: (entries: readonly { readonly isIntersecting: boolean }[]) => void,
) => { observe(target: object): void; disconnect(): void };

/**
 * Pauses `tile` while its `<video>` is off screen (IntersectionObserver) or the page is hidden
 * (`document.visibilityState`), and resumes it when it can be seen again. Returns the function that
 * stops watching (it leaves the tile as it is).
 * @example
 * const stopWatching = pauseWhenHidden(video, tile);
 */
export function pauseWhenHidden(
  video: HTMLVideoElement,
  tile: Pick<PlayerTile, 'pause' | 'resume'>,
): () => void {
  const pageVisible = (): boolean => document.visibilityState === 'visible';
  const gate = createVisibilityGate(tile, pageVisible());
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) gate.setOnScreen(entry.isIntersecting);
  });
  observer.observe(video);
  const onVisibilityChange = (): void => {
    gate.setPageVisible(pageVisible());
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
