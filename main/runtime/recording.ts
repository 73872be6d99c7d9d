// Recording as both hosts start it: the recordings folder (`--recordings-dir`, default <data-dir>/recordings), the
// byte quota (`--recordings-max-bytes`, else the one chosen at first start: 80 % of the free space then) and the
// recorders, stopped (each finishing its segment) before the station.
import { join } from 'node:path';

import type { Logger } from 'pino';

import { Recordings } from '../recording/recordings';
import type { RecordingCameras } from '../recording/service';
import type { StationEventBus } from '../station/event-bus';
import type { Teardown } from './teardown';

/** How a host sets recording up. */
export interface RecordingSetup {
  /** The recordings folder (default `<dataDir>/recordings`). */
  dir?: string | undefined;
  /** The byte quota (default: kept from the first start, which chose 80 % of the free space). */
  maxBytes?: number | undefined;
  /** The ffmpeg binary (default `ffmpeg` on PATH). */
  ffmpeg?: string | undefined;
}

/** Recording once started, and its folder and quota (the startup message prints them). */
export interface StartedRecording {
  recordings: Recordings;
  dir: string;
  maxBytes: number;
  /** The quota was chosen at this start (the first one). */
  quotaChosenNow: boolean;
}

/** Starts recording on the station's cameras and events; its stop is registered on `teardown`. */
export async function setupRecording(
  setup: RecordingSetup,
  dataDir: string,
  deps: { cameras: RecordingCameras; events: StationEventBus; logger: Logger },
  teardown: Teardown,
): Promise<StartedRecording> {
  const dir = setup.dir ?? join(dataDir, 'recordings');
  const recordings = await Recordings.start({
    root: dir,
    maxBytes: setup.maxBytes,
    cameras: deps.cameras,
    events: deps.events,
    logger: deps.logger.child({ name: 'recording' }),
    ffmpeg: setup.ffmpeg,
  });
  teardown.add('recording', () => recordings.stop());
  const { maxBytes, chosenNow: quotaChosenNow } = recordings.quota();
  deps.logger.info({ dir, max_bytes: maxBytes, chosen_now: quotaChosenNow }, 'recording');
  return { recordings, dir, maxBytes, quotaChosenNow };
}
