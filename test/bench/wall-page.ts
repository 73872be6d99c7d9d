// The wall page as the wall benchmark drives it: opened empty, a view chosen from inside the page, tile states read.
import type { Page } from 'playwright-core';

import type { E2EStation } from '../e2e/station';

/** Opens the wall on a fresh page with no remembered view, once the view `viewId` is listed. */
export async function openWall(page: Page, station: E2EStation, viewId: string): Promise<void> {
  // Start from an empty wall: the wall would otherwise reopen the previous run's view before the mark.
  await page.addInitScript(() => {
    localStorage.clear();
  });
  await page.goto(station.baseUrl);
  await page.waitForSelector('[data-testid="wall"]');
  await page.waitForSelector(`[data-testid="view-select"] option[value="${viewId}"]`, { state: 'attached' });
}

/** In the page: selects `viewId` in the wall's view select and fires the change event a user's choice fires. */
export function chooseView(viewId: string): void {
  type Select = { value: string; dispatchEvent(event: unknown): boolean };
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): Select | null };
    Event: new (type: string, init: { bubbles: boolean }) => unknown;
  };
  const select = page.document.querySelector('[data-testid="view-select"]');
  if (!select) throw new Error('the wall has no view select');
  select.value = viewId;
  select.dispatchEvent(new page.Event('change', { bubbles: true }));
}

/** The states (`data-state`) of the first `count` tiles, in one read. */
export function tileStates(page: Page, count: number): Promise<string[]> {
  return page.evaluate((n) => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { getAttribute(a: string): string | null } | null };
      }
    ).document;
    return Array.from(
      { length: n },
      (_, i) => doc.querySelector(`[data-testid="tile-${i}"]`)?.getAttribute('data-state') ?? '',
    );
  }, count);
}
