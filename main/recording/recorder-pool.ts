// Which cameras have a recorder: every enabled camera whose recording mode is `continuous`, while the disk has
// room. Reconciled after every camera change; a camera whose source changed gets a new recorder.
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import type { RecordingStopCause, StationEvent } from '../../common/events';
import type { StoredCamera } from '../store/stored-camera';
import { Recorder } from './recorder';
import type { RecordingCameras } from './service';
import type { SegmentIndex } from './segment-index';

/** What the pool needs. */
export interface RecorderPoolOptions {
  root: string;
  cameras: RecordingCameras;
  index: SegmentIndex;
  publish: (event: StationEvent) => void;
  logger: Logger;
  ffmpeg?: string | undefined;
}

interface Entry {
  recorder: Recorder;
  fingerprint: string;
  recording: boolean;
}

/** What a recorder depends on: a change of any of these gets a new one. */
function fingerprint(camera: StoredCamera): string {
  return JSON.stringify([camera.rtsp_url, camera.username, camera.password_sealed]);
}

function records(camera: StoredCamera): boolean {
  return camera.enabled && camera.recording?.mode === 'continuous';
}

/** The recorders of the station, one per recording camera. */
export class RecorderPool {
  readonly #options: RecorderPoolOptions;
  readonly #entries = new Map<string, Entry>();
  #diskFull = false;

  constructor(options: RecorderPoolOptions) {
    this.#options = options;
  }

  /** Starts and stops recorders so that exactly the recording cameras have one (none while the disk is full). */
  reconcile(): void {
    const wanted = new Map<string, StoredCamera>();
    if (!this.#diskFull)
      for (const camera of this.#options.cameras.list())
        if (records(camera)) wanted.set(camera.camera_id, camera);
    for (const [cameraId, entry] of this.#entries) {
      const camera = wanted.get(cameraId);
      if (camera !== undefined && fingerprint(camera) === entry.fingerprint) continue;
      this.#entries.delete(cameraId);
      const [cause, reason] = this.#whyStop(cameraId, camera);
      runInBackground(entry.recorder.stop(cause, reason), (error: unknown) => {
        this.#options.logger.warn({ err: error, camera: cameraId }, 'a recorder did not stop cleanly');
      });
    }
    for (const [cameraId, camera] of wanted) if (!this.#entries.has(cameraId)) this.#add(camera);
  }

  /** Stops every recorder while the disk is full; starts them again once it is not. */
  setDiskFull(full: boolean): void {
    this.#diskFull = full;
    this.reconcile();
  }

  /** Stops every recorder (the station is stopping); each finishes its segment. */
  async stopAll(): Promise<void> {
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(
      entries.map((entry) => entry.recorder.stop('station_stopping', 'the station is stopping')),
    );
  }

  /** Cameras whose recorder is writing now. */
  recordingCount(): number {
    return [...this.#entries.values()].filter((entry) => entry.recording).length;
  }

  /** A camera's running ffmpeg pid. */
  pid(cameraId: string): number | undefined {
    return this.#entries.get(cameraId)?.recorder.pid;
  }

  #whyStop(cameraId: string, camera: StoredCamera | undefined): [RecordingStopCause, string] {
    if (this.#diskFull) return ['disk_full', 'the recordings disk is full'];
    if (camera !== undefined)
      return ['off', 'the camera changed: recording starts again with its new source'];
    const stored = this.#options.cameras.get(cameraId);
    if (stored === undefined) return ['off', 'the camera was removed'];
    return ['off', stored.enabled ? 'recording was turned off' : 'the camera was disabled'];
  }

  #add(camera: StoredCamera): void {
    const { cameras, index, publish, root, ffmpeg } = this.#options;
    const cameraId = camera.camera_id;
    const logger = this.#options.logger.child({ camera: cameraId });
    const at = (): string => new Date().toISOString();
    const entry: Entry = {
      fingerprint: fingerprint(camera),
      recording: false,
      recorder: new Recorder({
        root,
        cameraId,
        ffmpeg,
        logger,
        source: async () => {
          const current = cameras.get(cameraId) ?? camera;
          const password = await cameras.unsealPassword(current);
          return { url: current.rtsp_url, username: current.username, password };
        },
        events: {
          started: () => {
            entry.recording = true;
            logger.info('recording');
            publish({ type: 'recording.started', camera_id: cameraId, at: at() });
          },
          stopped: (cause, reason, retryAt) => {
            entry.recording = false;
            if (cause !== 'failed') logger.info({ cause, reason }, 'recording stopped');
            publish({
              type: 'recording.stopped',
              camera_id: cameraId,
              cause,
              reason,
              ...(retryAt === undefined ? {} : { retry_at: new Date(retryAt).toISOString() }),
              at: at(),
            });
          },
          segment: (segment) => {
            index.add(cameraId, segment);
          },
        },
      }),
    };
    this.#entries.set(cameraId, entry);
    entry.recorder.start();
  }
}
