import type { DesktopApi } from '../../common/desktop';
import { runInBackground } from '../../common/background';

/**
 * Tells `onState` whether kiosk is on: first what the settings say, then every change main pushes (a push that
 * comes before the settings answer wins). Returns the unsubscribe function.
 */
export function watchKiosk(
  desktop: Pick<DesktopApi, 'settings' | 'onKioskChange'>,
  onState: (active: boolean) => void,
): () => void {
  let pushed = false;
  let stopped = false;
  const stop = desktop.onKioskChange((active) => {
    pushed = true;
    onState(active);
  });
  runInBackground(
    desktop.settings().then((settings) => {
      if (!pushed && !stopped) onState(settings.kiosk.active);
    }),
    // Unknown stays unknown: a wall that cannot tell offers no Settings.
    () => undefined,
  );
  return () => {
    stopped = true;
    stop();
  };
}

/** Whether a wall offers its Settings button: only when main said kiosk is off. */
export function offersSettings(kiosk: boolean | undefined): boolean {
  return kiosk === false;
}
