import { afterEach, describe, expect, it, vi } from 'vitest';

import { setupCameraNotifications } from '../../../main/app/camera-notifications';
import { FakeCameras } from '../runtime/desk/fake-cameras';
import { FakeNotification } from './stand-in';

describe('setupCameraNotifications', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows runtime’s notice as a notification, and a click calls onClick', () => {
    vi.useFakeTimers();
    const cameras = new FakeCameras(['cam1']);
    const shown: FakeNotification[] = [];
    const onClick = vi.fn();
    const stop = setupCameraNotifications({
      cameras,
      notify: (options) => {
        const notification = new FakeNotification(options);
        shown.push(notification);
        return notification;
      },
      isSupported: () => true,
      onClick,
    });
    cameras.set('cam1', 'offline', 'No video for 10 s');
    vi.advanceTimersByTime(3_000);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.shown).toBe(true);
    expect(shown[0]?.options).toMatchObject({ title: 'Camera cam1 is offline', urgency: 'critical' });
    shown[0]?.click();
    expect(onClick).toHaveBeenCalledOnce();
    stop();
  });

  it('shows nothing where notifications are not supported', () => {
    vi.useFakeTimers();
    const cameras = new FakeCameras(['a']);
    const notify = vi.fn();
    const stop = setupCameraNotifications({ cameras, notify, isSupported: () => false });
    cameras.set('a', 'offline');
    vi.advanceTimersByTime(60_000);
    expect(notify).not.toHaveBeenCalled();
    stop();
  });
});
