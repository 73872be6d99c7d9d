import { describe, expect, it, vi } from 'vitest';

import type { DesktopApi, DesktopSettings } from '../../../../common/desktop';
import { offersSettings, watchKiosk } from '../../../../renderer/settings/kioskState';

/** A desktop whose settings answer when the test says, and whose kiosk changes the test pushes. */
function fakeDesktop(active: boolean) {
  const listeners = new Set<(active: boolean) => void>();
  let answer: (settings: DesktopSettings) => void = () => undefined;
  const desktop: Pick<DesktopApi, 'settings' | 'onKioskChange'> = {
    settings: () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
    onKioskChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const settings = { kiosk: { enabled: true, pin_set: true, active } } as DesktopSettings;
  return {
    desktop,
    listeners,
    answer: async () => {
      answer(settings);
      await Promise.resolve();
      await Promise.resolve();
    },
    push: (state: boolean) => {
      for (const listener of listeners) listener(state);
    },
  };
}

describe('watchKiosk', () => {
  it('starts from the settings, then follows every change main pushes', async () => {
    const { desktop, answer, push } = fakeDesktop(true);
    const states = vi.fn();
    watchKiosk(desktop, states);
    await answer();
    push(false);
    push(true);
    expect(states.mock.calls).toEqual([[true], [false], [true]]);
  });

  it('lets a push that came before the settings answer win', async () => {
    const { desktop, answer, push } = fakeDesktop(false);
    const states = vi.fn();
    watchKiosk(desktop, states);
    push(true);
    await answer();
    expect(states.mock.calls).toEqual([[true]]);
  });

  it('stops listening when unsubscribed', async () => {
    const { desktop, answer, listeners } = fakeDesktop(false);
    const states = vi.fn();
    watchKiosk(desktop, states)();
    await answer();
    expect(listeners.size).toBe(0);
    expect(states).not.toHaveBeenCalled();
  });
});

describe('offersSettings', () => {
  it.each([
    [false, true],
    [true, false],
    [undefined, false],
  ])('kiosk %s → Settings button %s', (kiosk, offered) => {
    expect(offersSettings(kiosk)).toBe(offered);
  });
});
