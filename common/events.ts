import { Type, type Static } from 'typebox';

import { Alarm } from './alarms';
import { CameraId, CameraState } from './camera';
import { ViewId } from './views';
import { WallName } from './walls';

/**
 * Everything the station announces (SSE `/events`, IPC): cameras added/removed/changed, health, views, gateway,
 * alarms raised and changed, and pushes to a named wall (`wall.show` reaches only the wall of that name).
 */
export const StationEvent = Type.Union(
  [
    Type.Object({
      type: Type.Union([
        Type.Literal('camera.added'),
        Type.Literal('camera.updated'),
        Type.Literal('camera.removed'),
      ]),
      camera_id: CameraId,
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Literal('camera.state'),
      camera_id: CameraId,
      state: CameraState,
      previous: CameraState,
      reason: Type.Optional(Type.String()),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Union([
        Type.Literal('view.added'),
        Type.Literal('view.updated'),
        Type.Literal('view.removed'),
      ]),
      view_id: ViewId,
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Union([Type.Literal('gateway.up'), Type.Literal('gateway.down')]),
      reason: Type.Optional(Type.String()),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Union([Type.Literal('alarm.raised'), Type.Literal('alarm.updated')]),
      alarm: Alarm,
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Literal('wall.show'),
      wall: WallName,
      camera_id: Type.Optional(CameraId),
      view_id: Type.Optional(ViewId),
      at: Type.String({ format: 'date-time' }),
    }),
  ],
  { $id: 'StationEvent' },
);

/** One station event. */
export type StationEvent = Static<typeof StationEvent>;
