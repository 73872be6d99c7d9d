// What the alarm E2E tests read on a wall page and send to the station: the hotspot tile, the alarm list, the
// prompt, and `POST /alarms` timed from just before it is sent.
import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { vi } from 'vitest';

import { bundlePage } from './bundle';
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

/** When the wall showed the alarm (camera on the hotspot, listed, prompted: `shownAt`) and played it (`at`). */
type Seen = { at: number; shownAt: number; alarmId: string };
type AlarmProbe = {
  watch(cameraId: string): void;
  seen(): Seen | null;
  replayVideo(): { width: number; seconds: number };
};

/** The pre-alarm replay's picture width and play position (s) on a wall page. */
export function replayVideo(page: Page): Promise<{ width: number; seconds: number }> {
  return page.evaluate(() => (globalThis as unknown as { alarmProbe: AlarmProbe }).alarmProbe.replayVideo());
}

/** Adds the alarm probe to every page of `context` before the page's own scripts run. */
export async function installAlarmProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: await bundlePage(join(import.meta.dirname, 'pages/alarm-probe.ts')),
  });
}

/**
 * Has the page watch (every animation frame, on its own clock) for its hotspot tile playing `cameraId` live,
 * framed for an alarm, that alarm listed and the prompt asking for it. Call before raising the alarm.
 */
export function watchFor(page: Page, cameraId: string): Promise<void> {
  return page.evaluate((camera) => {
    (globalThis as unknown as { alarmProbe: AlarmProbe }).alarmProbe.watch(camera);
  }, cameraId);
}

/** Waits until the page saw what `watchFor` asked; resolves with when (epoch ms) and for which alarm. */
export function seen(page: Page, timeoutMs: number): Promise<Seen> {
  return vi.waitFor(
    async () => {
      const found = await page.evaluate(() =>
        (globalThis as unknown as { alarmProbe: AlarmProbe }).alarmProbe.seen(),
      );
      if (found === null) throw new Error('the wall does not show the alarm yet');
      return found;
    },
    { timeout: timeoutMs, interval: 50 },
  );
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
