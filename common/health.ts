import { Type, type Static } from 'typebox';

import { CameraHealth, CameraId } from './camera';
import { RecordingHealth } from './recording';

/** `GET /health`: the seed's summary (open to all), plus per-camera detail for authenticated callers. */
export const HealthReport = Type.Object(
  {
    status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')]),
    janus_connectivity: Type.Union([Type.Literal('ok'), Type.Literal('down')]),
    active_cameras: Type.Integer({ description: 'Cameras whose stream is live' }),
    active_sessions: Type.Integer({ description: 'Janus sessions open on the gateway' }),
    cameras: Type.Optional(Type.Array(Type.Object({ camera_id: CameraId, ...CameraHealth.properties }))),
    recording: Type.Optional(RecordingHealth),
  },
  { $id: 'HealthReport' },
);

/** The health report. */
export type HealthReport = Static<typeof HealthReport>;
