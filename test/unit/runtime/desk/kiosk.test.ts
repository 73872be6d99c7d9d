import { EventEmitter } from 'node:events';

import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

import {
  createKiosk,
  type Kiosk,
  type KioskDeps,
  type KioskWindow,
} from '../../../../main/runtime/desk/kiosk';
import { hashPin, type PinHash } from '../../../../main/runtime/desk/pin-hash';
import { UNLOCK_BACKOFF, UnlockThrottle } from '../../../../main/runtime/desk/unlock-backoff';
import { FakeBrowserWindow, fakeLogger } from './fakes';

const PIN = '482916';
let pinHash: PinHash;
beforeAll(async () => {
  pinHash = await hashPin(PIN, { N: 1024, r: 8, p: 1 });
});

describe('createKiosk', () => {
  let now: number;
  let powerMonitor: EventEmitter;
  let onUnlockRequested: Mock<(window: KioskWindow) => void>;
  let onChange: Mock<(active: boolean) => void>;
  let log: ReturnType<typeof fakeLogger>;

  const kioskWith = (overrides: Partial<KioskDeps> = {}): Kiosk =>
    createKiosk({
      wanted: true,
      pinHash: () => pinHash,
      powerMonitor,
      log,
      onUnlockRequested,
      onChange,
      throttle: new UnlockThrottle(UNLOCK_BACKOFF, () => now),
      ...overrides,
    });
  const guarded = (kiosk: Kiosk): FakeBrowserWindow => {
    const window = new FakeBrowserWindow({ kiosk: kiosk.active() });
    kiosk.guard(window);
    return window;
  };

  beforeEach(() => {
    now = 0;
    powerMonitor = new EventEmitter();
    onUnlockRequested = vi.fn();
    onChange = vi.fn();
    log = fakeLogger();
  });

  it('blocks keyboard escapes and lets PIN typing through', () => {
    const window = guarded(kioskWith());
    const { webContents } = window;
    expect(webContents.press({ key: 'F4', alt: true })).toBe(true);
    expect(webContents.press({ key: 'w', control: true })).toBe(true);
    expect(webContents.press({ key: 'q', control: true })).toBe(true);
    expect(webContents.press({ key: 'q', meta: true })).toBe(true);
    expect(webContents.press({ key: 'r', control: true })).toBe(true);
    expect(webContents.press({ key: 'F11' })).toBe(true);
    expect(webContents.press({ key: 'Escape' })).toBe(true);
    expect(webContents.press({ key: '4' })).toBe(false);
    expect(webContents.press({ key: 'Enter' })).toBe(false);
  });

  it('prevents close until unlocked with the right PIN', async () => {
    const kiosk = kioskWith();
    const window = guarded(kiosk);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(log.entries.some((e) => e.level === 'warn' && e.message.includes('close blocked'))).toBe(true);

    await expect(kiosk.unlock('000000')).resolves.toMatchObject({ ok: false, reason: 'wrong-pin' });
    window.close();
    expect(window.isDestroyed()).toBe(false);

    await expect(kiosk.unlock(PIN)).resolves.toEqual({ ok: true });
    expect(kiosk.active()).toBe(false);
    expect(window.isKiosk()).toBe(false);
    expect(onChange).toHaveBeenLastCalledWith(false);
    expect(window.webContents.press({ key: 'F11' })).toBe(false);
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('rate-limits wrong PINs with backoff: even the right PIN waits', async () => {
    const kiosk = kioskWith();
    for (const wait of [0, 0, 5_000]) {
      await expect(kiosk.unlock('1111')).resolves.toEqual({
        ok: false,
        reason: 'wrong-pin',
        retryAfterMs: wait,
      });
    }
    now = 4_000;
    await expect(kiosk.unlock(PIN)).resolves.toEqual({ ok: false, reason: 'throttled', retryAfterMs: 1_000 });
    now = 5_000;
    await expect(kiosk.unlock('2222')).resolves.toEqual({
      ok: false,
      reason: 'wrong-pin',
      retryAfterMs: 10_000,
    });
    now = 15_000;
    await expect(kiosk.unlock(PIN)).resolves.toEqual({ ok: true });
    expect(kiosk.active()).toBe(false);
  });

  it('checks a PIN for a settings change without leaving kiosk, through the same backoff', async () => {
    const kiosk = kioskWith();
    await expect(kiosk.checkPin(PIN)).resolves.toEqual({ ok: true });
    expect(kiosk.active()).toBe(true);
    for (let i = 0; i < 3; i++) await kiosk.checkPin('1111');
    await expect(kiosk.unlock(PIN)).resolves.toMatchObject({ ok: false, reason: 'throttled' });
    expect(onChange).not.toHaveBeenCalledWith(false);
  });

  it('checks one PIN at a time: a guess made while another is checked is refused', async () => {
    const kiosk = kioskWith();
    const [first, second] = await Promise.all([kiosk.unlock('1111'), kiosk.unlock(PIN)]);
    expect(first).toMatchObject({ reason: 'wrong-pin' });
    expect(second).toMatchObject({ ok: false, reason: 'throttled' });
    expect(kiosk.active()).toBe(true);
  });

  it('the unlock chord asks for the PIN prompt and is not passed to the page', () => {
    const window = guarded(kioskWith());
    expect(window.webContents.press({ key: 'U', control: true, alt: true, shift: true })).toBe(true);
    expect(onUnlockRequested).toHaveBeenCalledWith(window);
  });

  it('re-entering kiosk puts every guarded window back in kiosk', async () => {
    const kiosk = kioskWith();
    const window = guarded(kiosk);
    await kiosk.unlock(PIN);
    expect(kiosk.enter()).toBe(true);
    expect(window.isKiosk()).toBe(true);
    expect(window.webContents.press({ key: 'Escape' })).toBe(true);
  });

  it('refuses to start without a PIN (there would be no way out) and says why', () => {
    const kiosk = kioskWith({ pinHash: () => undefined });
    expect(kiosk.active()).toBe(false);
    expect(kiosk.enter()).toBe(false);
    expect(log.entries.some((e) => e.level === 'error' && e.message.includes('no kiosk PIN'))).toBe(true);
  });

  it('does nothing when not wanted', async () => {
    const kiosk = kioskWith({ wanted: false });
    const window = guarded(kiosk);
    expect(window.webContents.press({ key: 'F4', alt: true })).toBe(false);
    await expect(kiosk.unlock(PIN)).resolves.toMatchObject({ ok: false, reason: 'not-in-kiosk' });
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('lets windows close when the OS shuts down', () => {
    const kiosk = kioskWith();
    const linux = guarded(kiosk);
    powerMonitor.emit('shutdown');
    linux.close();
    expect(linux.isDestroyed()).toBe(true);
  });

  it('lets windows close when a Windows session ends', () => {
    const kiosk = kioskWith();
    const window = guarded(kiosk);
    window.emit('session-end');
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });
});
