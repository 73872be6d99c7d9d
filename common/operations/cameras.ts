import { Type } from 'typebox';

import { MessageBody } from '../answers';
import { CAMERA_MANAGE_ONLY, CameraId, CameraInput, CameraPatch, CameraView, StreamInfo } from '../camera';
import { ProbeRequest, ProbeResult } from '../probe';
import type { ResourceContracts } from './contract';

/** The seed's camera operations (`/cameras`, `/cameras/{camera_id}`, `/stream`, `/restart`) plus update and probe. */
export const cameraContracts = {
  'cameras.add': {
    args: [CameraInput],
    output: CameraView,
    scope: 'manage',
    summary: 'Add a camera (probes it first unless skip_probe)',
    handler: 'station.addCamera',
  },
  'cameras.list': {
    args: [],
    output: Type.Array(CameraView),
    scope: 'view',
    summary: 'List cameras',
    handler: 'station.listCameras',
    manageOnly: CAMERA_MANAGE_ONLY,
  },
  'cameras.probe': {
    args: [ProbeRequest],
    output: ProbeResult,
    scope: 'manage',
    summary: 'Probe an RTSP URL without adding it',
    handler: 'station.probe',
  },
  'cameras.get': {
    args: [CameraId],
    output: CameraView,
    scope: 'view',
    summary: 'One camera',
    handler: 'station.getCamera',
    manageOnly: CAMERA_MANAGE_ONLY,
  },
  'cameras.update': {
    args: [CameraId, CameraPatch],
    output: CameraView,
    scope: 'manage',
    summary: 'Change a camera',
    handler: 'station.updateCamera',
  },
  'cameras.remove': {
    args: [CameraId],
    output: MessageBody,
    scope: 'manage',
    summary: 'Remove a camera',
    handler: 'station.removeCamera',
    message: 'Camera {camera_id} removed',
  },
  'cameras.restart': {
    args: [CameraId],
    output: MessageBody,
    scope: 'manage',
    summary: "Re-create a camera's stream",
    handler: 'station.restartCamera',
    message: 'Camera {camera_id} restarted',
  },
  // No handler: the answer's viewer ticket is bound to the caller (REST: its key or browser session; IPC: the
  // desk), so each host serves it through the Janus door (main/api/routes/cameras.ts, main/ipc/station-handlers.ts).
  'cameras.stream': {
    args: [CameraId],
    output: StreamInfo,
    scope: 'view',
    summary:
      "What a viewer needs to play the camera: the station's Janus door, the stream id, a viewer ticket",
  },
} as const satisfies ResourceContracts<'cameras'>;
