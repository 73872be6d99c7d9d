import { Type, type Static } from 'typebox';

import { CameraId, CameraState } from './camera';
import { ViewId } from './views';

/**
 * Everything the station announces (SSE `/events`, IPC): cameras added/removed/changed, health, motion, views,
 * gateway.
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
      type: Type.Literal('camera.motion'),
      camera_id: CameraId,
      motion: Type.Boolean({ description: 'Motion started (true) or ended (false)' }),
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
  ],
  { $id: 'StationEvent' },
);

/** One station event. */
export type StationEvent = Static<typeof StationEvent>;
