import { afterEach, describe, expect, it, vi } from 'vitest';

import { setupCameraNotifications } from '../../../main/app/camera-notifications';
import { FakeCameras } from '../runtime/desk/fake-cameras';
import { FakeNotification } from './stand-in';

describe('setupCameraNotifications', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows runtime’s notices as notifications while they are supported; a click calls onClick', () => {
    vi.useFakeTimers();
    const cameras = new FakeCameras(['cam1', 'cam2']);
    const shown: FakeNotification[] = [];
    let supported = false;
    const onClick = vi.fn();
    const stop = setupCameraNotifications({
      cameras,
      notify: (options) => {
        const notification = new FakeNotification(options);
        shown.push(notification);
        return notification;
      },
      isSupported: () => supported,
      onClick,
    });
    cameras.set('cam1', 'offline', 'No video for 10 s');
    vi.advanceTimersByTime(60_000);
    expect(shown).toEqual([]);

    supported = true;
    cameras.set('cam2', 'offline', 'No video for 10 s');
    vi.advanceTimersByTime(3_000);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.shown).toBe(true);
    expect(shown[0]?.options).toMatchObject({ title: 'Camera cam2 is offline', urgency: 'critical' });
    shown[0]?.click();
    expect(onClick).toHaveBeenCalledOnce();
    stop();
  });
});
