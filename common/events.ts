import { Type, type Static } from 'typebox';

import { Alarm } from './alarms';
import { CameraId, CameraState } from './camera';
import { ViewId } from './views';
import { WallName } from './walls';

/**
 * Why a recorder stopped: `off` (the camera no longer records, or was removed or disabled), `failed` (ffmpeg
 * ended; it restarts with backoff), `disk_full` (every recorder waits for space), `station_stopping`.
 */
export const RecordingStopCause = Type.Union([
  Type.Literal('off'),
  Type.Literal('failed'),
  Type.Literal('disk_full'),
  Type.Literal('station_stopping'),
]);

/** Why a recorder stopped. */
export type RecordingStopCause = Static<typeof RecordingStopCause>;

/**
 * Everything the station announces (SSE `/events`, IPC): cameras added/removed/changed, health, motion, views, recording,
 * gateway, alarms raised and changed, and pushes to a named wall (`wall.show` reaches only the wall of that name).
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
      type: Type.Literal('recording.started'),
      camera_id: CameraId,
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Literal('recording.stopped'),
      camera_id: CameraId,
      cause: RecordingStopCause,
      reason: Type.String({
        description: 'What happened, in words (the recorder’s last error, the disk, …)',
      }),
      /** When the recorder tries again (absent when it will not by itself: turned off, disk full, stopping). */
      retry_at: Type.Optional(Type.String({ format: 'date-time' })),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Literal('recording.exported'),
      camera_id: CameraId,
      from: Type.String({ format: 'date-time' }),
      to: Type.String({ format: 'date-time' }),
      /** Who exported: the API key's id, or the browser session's key id. */
      by: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Literal('recording.storage'),
      /** `disk_full`: every recorder stopped (a desk alert); `ok`: space is back and recorders resume. */
      state: Type.Union([Type.Literal('ok'), Type.Literal('disk_full')]),
      free_bytes: Type.Integer(),
      reason: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Literal('camera.moved'),
      camera_id: CameraId,
      /** The gateway that held the camera (null: none did). */
      from: Type.Union([Type.String(), Type.Null()]),
      /** The gateway holding it now (null: no live gateway may). */
      to: Type.Union([Type.String(), Type.Null()]),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Object({
      type: Type.Union([Type.Literal('gateway.up'), Type.Literal('gateway.down')]),
      /** Cluster mode: which gateway (absent: the station's own Janus). */
      gateway_id: Type.Optional(Type.String()),
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
