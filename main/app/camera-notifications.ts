// Camera notices (runtime decides what and when) shown as native notifications; a click shows the walls.
import type { Event, Notification, NotificationConstructorOptions } from 'electron';

import type { CameraHealthSource } from '../runtime/desk/camera-counts';
import { watchCameraNotices } from '../runtime/desk/camera-notices';
import type { On } from '../runtime/desk/events';

/** The part of a `Notification` used: show it, hear its click. */
export type ShownNotification = Pick<Notification, 'show'> & On<'click', (event: Event) => void>;

/** What `setupCameraNotifications` needs; `notify` is `(options) => new Notification(options)`. */
export interface CameraNotificationsDeps {
  cameras: CameraHealthSource;
  notify: (options: NotificationConstructorOptions) => ShownNotification;
  /** `Notification.isSupported`; when false nothing is shown. */
  isSupported: () => boolean;
  /** What a click on a notification does (e.g. show the walls). */
  onClick?: () => void;
}

/** Shows runtime's camera notices as notifications; returns the unsubscribe. */
export function setupCameraNotifications(deps: CameraNotificationsDeps): () => void {
  // Electron drops the click handler of a notification that was garbage-collected: keep the latest one.
  let latest: ShownNotification | undefined;
  const unsubscribe = watchCameraNotices({
    cameras: deps.cameras,
    canShow: deps.isSupported,
    show: (notice) => {
      latest = deps.notify(notice);
      latest.on('click', () => deps.onClick?.());
      latest.show();
    },
  });
  return () => {
    unsubscribe();
    latest = undefined;
  };
}
