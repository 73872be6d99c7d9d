// Switching Janus at runtime, on real parts: a station on the lab's Janus (as a remote one) moves to a bundled
// native Janus and back through the GatewaySwitcher, without a restart. After each switch every mountpoint is
// on the new Janus with video flowing, none is left on the old one, and viewers are sent to the new URL.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { createRemoteGateway } from '../../../main/gateway/remote-janus';
import { GatewaySwitcher } from '../../../main/station/gateway-switcher';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import {
  addLabCameras,
  freshDataDir,
  labGateway,
  labNativeGateway,
  removeDataDir,
  startStation,
  type RunningStation,
} from './harness';
import { mountpointAges } from './janus-view';

const lab = useLab({ cameras: 3, auth: 'digest' });
const logger = pino({ level: 'silent' });
/** Video younger than this is flowing (25 fps: a frame every 40 ms). */
const FRESH_MS = 500;

describe('switching the station between a remote and a bundled Janus at runtime', () => {
  let dataDir: string;
  let running: RunningStation;
  let switcher: GatewaySwitcher;
  let expected: number[];

  beforeAll(async () => {
    dataDir = await freshDataDir();
    const remote = createRemoteGateway({ ...labGateway(lab()), logger });
    await remote.start();
    running = await startStation(remote.endpoints, dataDir);
    switcher = new GatewaySwitcher({ target: running.station, gateway: remote, logger });
    expected = await addLabCameras(running, lab(), ['gate', 'yard', 'dock']);
  });

  afterAll(async () => {
    await running.stop({ removeMountpoints: true });
    await switcher.current.stop();
    await removeDataDir(dataDir);
  });

  /** The ids of the mountpoints on `endpoints` whose video is fresh, once all expected ones are. */
  function flowingOn(endpoints: GatewayEndpoints): () => Promise<number[] | undefined> {
    return async () => {
      const ages = await mountpointAges(endpoints);
      const fresh = ages.filter((m) => m.ageMs !== undefined && m.ageMs < FRESH_MS).map((m) => m.id);
      return fresh.length === expected.length ? fresh : undefined;
    };
  }

  it('remote → native → remote: every mountpoint moves, none stays behind, viewers follow', async () => {
    const remote = switcher.current;
    expect(await eventually(flowingOn(remote.endpoints), 15_000)).toEqual(expected);

    const native = await labNativeGateway(dataDir, logger);
    let began = performance.now();
    await switcher.switchTo(native);
    const toNativeMs = Math.round(performance.now() - began);
    expect(switcher.current).toBe(native);
    expect(await eventually(flowingOn(native.endpoints), 15_000)).toEqual(expected);
    expect(await mountpointAges(remote.endpoints)).toEqual([]);
    // Viewers keep the station's door; the door relays to the Janus the station moved to.
    const stream = (await (await running.call(`/cameras/gate/stream`)).json()) as { websocket_url: string };
    expect(stream.websocket_url).toBe(running.doorUrl);
    expect(running.station.viewers.gatewayEndpoints().urls.ws).toBe(native.endpoints.urls.ws);

    began = performance.now();
    await switcher.switchTo(remote);
    const backMs = Math.round(performance.now() - began);
    expect(await eventually(flowingOn(remote.endpoints), 15_000)).toEqual(expected);
    expect(native.status().state).toBe('stopped');
    const health = (await (await running.call('/health')).json()) as { janus_connectivity: unknown };
    expect(health.janus_connectivity).toBeTruthy();
    console.log(`gateway switch timings (ms): remote→native ${toNativeMs}, native→remote ${backMs}`);
  });
});
