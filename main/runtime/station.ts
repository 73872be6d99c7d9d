// The station as both hosts start it, in order: its Janus, the simulated cameras (vigil serve --demo), the
// station core with its REST API, then the simulated cameras added and placed on the view "Demo". Every part registers its stop on the
// Teardown, so a failed start undoes what did start.
import type { Logger } from 'pino';

import { addDemoCameras, startDemoCameras, type DemoCameras } from '../demo/demo-cameras';
import { showDemoView } from '../demo/demo-view';
import { setupGateway, type StationGateway } from './station-gateway';
import type { JanusSetup } from './janus-gateway';
import { startStationCore, type StationCore, type StationCoreOptions } from './station-core';
import type { Teardown } from './teardown';

/** What a host starts the station with: the core's parts, how to choose Janus, and any simulated cameras. */
export interface StationOptions extends Omit<StationCoreOptions, 'gateway'> {
  janus: Omit<JanusSetup, 'logger'>;
  /** How many simulated cameras to start and add as demo-1…demo-N. */
  demoCameras?: number | undefined;
}

/** The running station: its Janus, its core, and the simulated cameras' ids. */
export interface RunningStation {
  janus: StationGateway;
  core: StationCore;
  demoCameraIds: string[] | undefined;
}

/** Starts Janus, the simulated cameras and the station core; resolves once the REST API listens. */
export async function startStation(options: StationOptions, teardown: Teardown): Promise<RunningStation> {
  const { logger } = options;
  const janus = await setupGateway({ ...options.janus, logger }, teardown);
  const demo =
    options.demoCameras === undefined ? undefined : await setupDemo(options.demoCameras, logger, teardown);
  const core = await startStationCore({ ...options, gateway: janus }, teardown);
  janus.follow(core.station);
  const demoCameraIds = demo?.inputs.map((input) => input.camera_id);
  if (demo !== undefined && demoCameraIds !== undefined) {
    await addDemoCameras(core.station, demo.inputs, logger);
    await showDemoView(core.views, demoCameraIds);
  }
  return { janus, core, demoCameraIds };
}

/** Starts the simulated cameras (stopped after the station, which holds their mountpoints). */
async function setupDemo(count: number, logger: Logger, teardown: Teardown): Promise<DemoCameras> {
  const demo = await startDemoCameras(count, logger);
  teardown.add('demo cameras', () => demo.stop());
  return demo;
}
