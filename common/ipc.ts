import type { Static, TSchema } from 'typebox';

import { CameraId, CameraInput, CameraPatch } from './camera';
import { DesktopSettingsPatch, KioskPin } from './desktop';
import { ProbeRequest } from './probe';
import { ViewId, ViewInput, ViewPatch } from './views';

/**
 * Every channel the renderer may invoke, with the schema of each argument. Main validates each call
 * against these before the station sees it; the preload is the only caller.
 */
export const IPC_INVOKE = {
  'cameras:list': [],
  'cameras:add': [CameraInput],
  'cameras:update': [CameraId, CameraPatch],
  'cameras:remove': [CameraId],
  'cameras:restart': [CameraId],
  'cameras:probe': [ProbeRequest],
  'cameras:stream': [CameraId],
  'station:health': [],
  'views:list': [],
  'views:create': [ViewInput],
  'views:update': [ViewId, ViewPatch],
  'views:delete': [ViewId],
  'desktop:settings': [],
  'desktop:update-settings': [DesktopSettingsPatch],
  'desktop:unlock-kiosk': [KioskPin],
  'desktop:wall-view': [ViewId],
} as const satisfies Record<string, readonly TSchema[]>;

/** A channel the renderer may invoke. */
export type IpcInvokeChannel = keyof typeof IPC_INVOKE;

/** The static types of a list of schemas, as a tuple. */
type StaticTuple<T extends readonly TSchema[]> = { -readonly [K in keyof T]: Static<T[K]> };

/** The argument list a channel takes. */
export type IpcArgs<C extends IpcInvokeChannel> = StaticTuple<(typeof IPC_INVOKE)[C]>;
