// Starts a lab's Janus and camera side by side through one Launch: `up` runs this behind
// `ip netns exec NS`, `startLab` runs it right inside the current lab namespace.
import { cameraJson, startCamera, type LabCameraSettings } from './camera';
import { janusJson, startJanus, type LabJanusConfig } from './janus';
import { resolveLabOptions, type LabJson, type LabOptions } from './model';
import type { Launch, PartProcess } from './processes';

/** Where a lab lives: its name, its namespace and the folder for its config, logs and state. */
export interface LabPlace {
  name: string;
  namespace: string;
  stateDir: string;
}

/** A started Janus and camera, with what it takes to restart each the same way. */
export interface LabParts {
  json: LabJson;
  janus: { config: LabJanusConfig; process: PartProcess };
  camera: { settings: LabCameraSettings; process: PartProcess };
}

/** Starts Janus and the camera in parallel; if either fails, stops the other and throws. */
export async function startParts(place: LabPlace, options: LabOptions, launch: Launch): Promise<LabParts> {
  const resolved = resolveLabOptions(options);
  const { stateDir } = place;
  const [janus, camera] = await Promise.allSettled([
    startJanus(
      { stateDir, sessionTimeoutSeconds: resolved.sessionTimeout, allowOrigin: resolved.allowOrigin },
      launch,
    ),
    startCamera(
      {
        stateDir,
        cameras: resolved.cameras,
        auth: resolved.auth,
        keyframeInterval: resolved.keyframeInterval,
        audio: resolved.audio,
      },
      launch,
    ),
  ]);
  if (janus.status === 'rejected' || camera.status === 'rejected') {
    const started = [janus, camera].flatMap((part) =>
      part.status === 'fulfilled' ? [part.value.process] : [],
    );
    await Promise.all(started.map((part) => part.stop()));
    const failures = [janus, camera].flatMap((part) =>
      part.status === 'rejected' ? [part.reason as unknown] : [],
    );
    throw new AggregateError(
      failures,
      `the lab ${place.name} did not start: ${failures.map(errorText).join('; ')}`,
    );
  }
  const json: LabJson = {
    name: place.name,
    namespace: place.namespace,
    janus: janusJson(janus.value.config, janus.value.process.pid),
    cameras: cameraJson(camera.value.settings),
    scenes: cameraJson(camera.value.settings, 'scene'),
    scene_control_dir: camera.value.settings.sceneControlDir,
    camera_pid: camera.value.process.pid,
    camera_log_file: camera.value.settings.logFile,
    state_dir: stateDir,
  };
  return { json, janus: janus.value, camera: camera.value };
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message}\n  because: ${errorText(error.cause)}`;
}
