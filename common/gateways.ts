// The Janus gateways cameras run on (`GET /gateways`): in cluster mode every registered gateway with its
// state, cameras, viewers and load; a single station lists its one local Janus.
import { Type, type Static } from 'typebox';

import { CameraId } from './camera';

/** A gateway's id: a slug (`janus-2`), which is also its key in the cluster's registry. */
export const GatewayId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' });

/** One gateway as `GET /gateways` shows it. */
export const GatewayView = Type.Object(
  {
    gateway_id: GatewayId,
    /** The station managing it (null: a single station's own Janus). */
    station_id: Type.Union([Type.String(), Type.Null()]),
    /** What its station last said: its Janus answers (up) or not (down). */
    state: Type.Union([Type.Literal('up'), Type.Literal('down')]),
    /** Up and heartbeat fresh: placement puts cameras on it. */
    live: Type.Boolean(),
    cameras: Type.Object({ count: Type.Integer({ minimum: 0 }), ids: Type.Array(CameraId) }),
    viewers: Type.Integer({ minimum: 0 }),
    weight: Type.Number(),
    capacity: Type.Object({
      max_cameras: Type.Union([Type.Integer(), Type.Null()]),
      max_viewers: Type.Union([Type.Integer(), Type.Null()]),
    }),
    /** Milliseconds since its last heartbeat (null: a single station's Janus has none). */
    heartbeat_age_ms: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'GatewayView' },
);

/** One gateway as `GET /gateways` shows it. */
export type GatewayView = Static<typeof GatewayView>;
