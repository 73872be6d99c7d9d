// What the alarm E2E tests read on a wall page and send to the station: the hotspot tile, the alarm list, the
// prompt, and `POST /alarms` timed from just before it is sent.
import type { Page } from 'playwright-core';

import type { E2EStation } from './station';

/** What a wall shows of one alarm: its hotspot tile, its row in the list and its prompt. */
export interface AlarmOnWall {
  tileCamera: string | null;
  tileState: string | null;
  tileAlarm: string | null;
  rowState: string | null;
  promptFor: string | null;
}

/** Reads the hotspot tile (tile 0), the alarm's row and the prompt of one wall page. */
export async function readAlarmOnWall(page: Page, alarmId: string): Promise<AlarmOnWall> {
  const attribute = async (testId: string, name: string): Promise<string | null> => {
    const element = page.locator(`[data-testid="${testId}"]`);
    return (await element.count()) === 0 ? null : element.first().getAttribute(name);
  };
  return {
    tileCamera: await attribute('tile-0', 'data-camera-id'),
    tileState: await attribute('tile-0', 'data-state'),
    tileAlarm: await attribute('tile-0', 'data-alarm'),
    rowState: await attribute(`alarm-row-${alarmId}`, 'data-state'),
    promptFor: await attribute('alarm-prompt', 'data-alarm-id'),
  };
}

/**
 * Waits in the page (checked every animation frame, so the time is the page's own) until the hotspot tile plays
 * `cameraId` live framed for the alarm, the alarm is in the list and the prompt asks for it; resolves with the
 * epoch ms at which the page saw it. (An expression string: this side of the test has no DOM types.)
 */
export async function seenAt(
  page: Page,
  alarmId: string,
  cameraId: string,
  timeoutMs: number,
): Promise<number> {
  const [id, camera] = [JSON.stringify(alarmId), JSON.stringify(cameraId)];
  const handle = await page.waitForFunction(
    `(() => {
      const byId = (testId) => document.querySelector('[data-testid="' + testId + '"]');
      const tile = byId('tile-0');
      const ok =
        tile !== null &&
        tile.getAttribute('data-camera-id') === ${camera} &&
        tile.getAttribute('data-state') === 'live' &&
        tile.getAttribute('data-alarm') !== '' &&
        byId('alarm-row-' + ${id}) !== null &&
        byId('alarm-prompt')?.getAttribute('data-alarm-id') === ${id};
      return ok ? Date.now() : false;
    })()`,
    undefined,
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/** An alarm as `POST /alarms` answered it, and when the request left. */
export interface RaisedAlarm {
  alarmId: string;
  status: number;
  sentAt: number;
}

/** Raises an alarm with the manage key (a VAS would hold an `alarm` key); `sentAt` is just before sending. */
export async function raiseAlarm(station: E2EStation, body: Record<string, unknown>): Promise<RaisedAlarm> {
  const sentAt = Date.now();
  const response = await station.call('/alarms', { method: 'POST', body });
  const answer = (await response.json()) as { alarm_id?: string };
  return { alarmId: answer.alarm_id ?? '', status: response.status, sentAt };
}

/** The given wall page's view select value. */
export function shownView(page: Page): Promise<string> {
  return page.inputValue('[data-testid="view-select"]');
}
