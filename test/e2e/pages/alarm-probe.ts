// Watches a wall page for an alarm (installed before the page's own scripts): at every change of the page's DOM
// (a MutationObserver: not throttled like timers and animation frames in a page that is not in front) it checks
// that the hotspot tile plays a camera live, framed for an alarm, and the prompt asks for an alarm that is also
// listed, and notes when that first held and for which alarm (the page's own clock, no round trip per check).
// Watching starts before the alarm is raised, so it is keyed by the camera; the test checks the alarm's id.

/** What to look for: the camera the hotspot should play, and what was seen. */
interface Watch {
  cameraId: string;
  /**
   * When it was first all there and playing (ms since the epoch), when it was there before the first frame
   * (`shownAt`), and the alarm the prompt asked for; null until then.
   */
  seen: { at: number; shownAt: number; alarmId: string } | null;
  shownAt: number | null;
}

let watch: Watch | null = null;

function byId(testId: string): Element | null {
  return document.querySelector(`[data-testid="${testId}"]`);
}

/** The alarm the wall shows for the watched camera (and whether its tile plays), or null while it does not. */
function shownAlarm(w: Watch): { alarmId: string; live: boolean } | null {
  const tile = byId('tile-0');
  const alarmId = byId('alarm-prompt')?.getAttribute('data-alarm-id') ?? null;
  const all =
    tile?.getAttribute('data-camera-id') === w.cameraId &&
    (tile.getAttribute('data-alarm') ?? '') !== '' &&
    alarmId !== null &&
    byId(`alarm-row-${alarmId}`) !== null;
  return all ? { alarmId, live: tile.getAttribute('data-state') === 'live' } : null;
}

function check(): void {
  if (watch === null || watch.seen !== null) return;
  const shown = shownAlarm(watch);
  if (shown !== null) watch.shownAt ??= Date.now();
  if (shown?.live === true)
    watch.seen = { at: Date.now(), shownAt: watch.shownAt ?? Date.now(), alarmId: shown.alarmId };
}
new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });

(globalThis as unknown as { alarmProbe: unknown }).alarmProbe = {
  /** Starts watching for an alarm on a camera (forgetting an earlier watch). */
  watch(cameraId: string): void {
    watch = { cameraId, seen: null, shownAt: null };
    check();
  },
  /** The pre-alarm replay's picture width and play position (s): it decodes when both are above 0. */
  replayVideo(): { width: number; seconds: number } {
    const video = byId('alarm-replay-video');
    return video instanceof HTMLVideoElement
      ? { width: video.videoWidth, seconds: video.currentTime }
      : { width: 0, seconds: 0 };
  },
  /** When an alarm on the watched camera was first all there and which, or null. */
  seen(): { at: number; shownAt: number; alarmId: string } | null {
    return watch?.seen ?? null;
  },
};
