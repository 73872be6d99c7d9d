import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type RefObject } from 'react';

import type { TileState } from '../player/types';
import { CameraStreamController } from './cameraStream';
import type { VASJanusClient } from './client';

/** Options of `useCameraStream`. */
export interface UseCameraStreamOptions {
  /** Start playing as soon as the component mounts (and again whenever `cameraId` changes). */
  autoStart?: boolean;
}

/** What `useCameraStream` returns. */
export interface CameraStream {
  /** Put this on the `<video>` element the camera plays into. */
  videoRef: RefObject<HTMLVideoElement | null>;
  /** True while the camera is playing (or reconnecting) in this component. */
  streaming: boolean;
  /** The player's state: idle, connecting, live, reconnecting, stale, paused, stopped, error. */
  state: TileState;
  /** Why the last start failed or the player gave up (a `VASError`); undefined otherwise. */
  error: Error | undefined;
  /** Plays the camera into `videoRef`'s element; never rejects (failures land in `error`). */
  startStream: () => Promise<void>;
  /** Stops the camera's stream; never rejects. */
  stopStream: () => Promise<void>;
}

/** Runs a promise nobody waits for; the controller's promises never reject. */
function runDetached(promise: Promise<void>): void {
  promise.catch(() => undefined);
}

/**
 * Plays one station camera in a React component; stops it on unmount and when `cameraId` changes.
 *
 * @example
 * const { videoRef, state, startStream, stopStream } = useCameraStream('entrance_cam', client);
 * return <video ref={videoRef} muted playsInline />;
 */
export function useCameraStream(
  cameraId: string,
  client: VASJanusClient,
  options: UseCameraStreamOptions = {},
): CameraStream {
  const { autoStart = false } = options;
  const videoRef = useRef<HTMLVideoElement>(null);
  const controller = useMemo(() => new CameraStreamController(client, cameraId), [client, cameraId]);
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);

  useEffect(() => {
    if (autoStart) runDetached(controller.start(videoRef.current));
    return () => {
      runDetached(controller.stop());
    };
  }, [controller, autoStart]);

  const startStream = useCallback(() => controller.start(videoRef.current), [controller]);
  const stopStream = useCallback(() => controller.stop(), [controller]);
  return { videoRef, ...snapshot, startStream, stopStream };
}
