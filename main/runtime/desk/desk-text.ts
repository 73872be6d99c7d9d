// What the desk shows in words: the tray's camera counts and Janus's state, the alert when the bundled Janus
// gives up, and the page a wall shows once the watchdog stopped reloading it. Pure, so the wording is tested.
import { PRODUCT_NAME } from '../../../common/product';
import type { GatewayState } from '../station-gateway';
import type { CameraCounts } from './camera-counts';
import type { WatchdogFailure } from './watchdog';

/** The tray's texts: tooltip, macOS menu-bar title, the menu's summary line, and a warning line if any. */
export interface TrayText {
  toolTip: string;
  title: string;
  summary: string;
  warning?: string | undefined;
}

/** Words the tray shows; the title stays empty while all is well, so the menu bar stays calm. */
export function trayText({ up, down }: CameraCounts, janus?: Pick<GatewayState, 'gaveUp'>): TrayText {
  const summary = `${up} up, ${down} down`;
  if (janus?.gaveUp !== undefined) {
    return {
      toolTip: `${PRODUCT_NAME}: Janus stopped; cameras ${summary}`,
      title: 'Janus stopped',
      summary: `Cameras: ${summary}`,
      warning: 'Janus stopped: choose another in Settings',
    };
  }
  return {
    toolTip: `${PRODUCT_NAME}: cameras ${summary}`,
    title: down > 0 ? `${down} down` : '',
    summary: `Cameras: ${summary}`,
  };
}

/** What to tell the desk when the bundled Janus gave up: why, what it means, which setting and log to look at. */
export function gaveUpNotice(
  reason: string,
  where: { setting: string; logFile: string },
): {
  title: string;
  body: string;
} {
  return {
    title: 'Janus keeps failing',
    body:
      `Vigil stopped restarting the bundled Janus: ${reason}\n\n` +
      'Cameras stay offline until Janus runs again. Choose another Janus source ' +
      `(${where.setting}: native, container or remote) in Settings, and see the log in ${where.logFile}.`,
  };
}

/** The page a wall shows once the watchdog stopped reloading it (a self-contained `data:` URL). */
export function wallFailurePage(failure: WatchdogFailure): string {
  const page =
    '<!doctype html><meta charset="utf-8"><title>Vigil</title><body style="background:#0b0e13;color:#e6e6e6;' +
    'font:16px sans-serif;padding:2em"><h1>This wall keeps failing</h1>' +
    `<p>Vigil reloaded it ${failure.reloads} times (${failure.reason}). The station keeps running; details are ` +
    'in the log. Use "Show walls" in the tray to try again.</p>';
  return `data:text/html;charset=utf-8,${encodeURIComponent(page)}`;
}
