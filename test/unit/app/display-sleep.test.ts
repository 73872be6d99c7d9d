import { describe, expect, it } from 'vitest';

import { createDisplaySleepGuard } from '../../../main/app/display-sleep';
import { FakePowerSaveBlocker } from './stand-in';

describe('createDisplaySleepGuard', () => {
  it('holds one prevent-display-sleep blocker while wanted, and releases it', () => {
    const powerSaveBlocker = new FakePowerSaveBlocker();
    const guard = createDisplaySleepGuard({ powerSaveBlocker });
    expect(guard.active()).toBe(false);
    guard.set(true);
    guard.set(true);
    expect(powerSaveBlocker.active()).toEqual(['prevent-display-sleep']);
    expect(guard.active()).toBe(true);
    guard.set(false);
    guard.set(false);
    expect(powerSaveBlocker.active()).toEqual([]);
    expect(guard.active()).toBe(false);
  });

  it('starts a new blocker if the old one was stopped behind its back', () => {
    const powerSaveBlocker = new FakePowerSaveBlocker();
    const guard = createDisplaySleepGuard({ powerSaveBlocker });
    guard.set(true);
    powerSaveBlocker.stop(1);
    guard.set(true);
    expect(powerSaveBlocker.active()).toEqual(['prevent-display-sleep']);
  });
});
