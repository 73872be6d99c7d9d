import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GatewayEvent } from '../../../main/gateway/gateway';
import { createNativeGateway, type NativeGateway } from '../../../main/gateway/native-janus';
import { JanusConnection } from '../../../main/janus';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import { addLabCameras, freshDataDir, removeDataDir, startStation, type RunningStation } from './harness';

// Only the lab's camera is used: the station brings its own Janus, as `vigil serve` does by default.
const lab = useLab({ cameras: 2, auth: 'digest' });

describe('a station with its bundled Janus', () => {
  let dataDir: string;
  let gateway: NativeGateway;
  let running: RunningStation;
  const gatewayEvents: GatewayEvent[] = [];

  beforeAll(async () => {
    dataDir = await freshDataDir();
    gateway = createNativeGateway({
      dataDir,
      origin: 'http://127.0.0.1:3000',
      logger: pino({ level: 'silent' }),
      ports: await freePorts(['http', 'ws', 'adminHttp'] as const),
      iceInterface: LAB_ICE_ADDRESS,
      iceEnforceList: LAB_ICE_INTERFACE,
    });
    gateway.onEvent((event) => gatewayEvents.push(event));
    await gateway.start();
    running = await startStation(gateway.endpoints, dataDir);
  });
  afterAll(async () => {
    await running.stop({ removeMountpoints: true });
    await gateway.stop();
    await removeDataDir(dataDir);
  });

  /** The station's mountpoints on its own Janus. */
  async function mountpointIds(): Promise<number[]> {
    const { urls, secrets, origin } = gateway.endpoints;
    const connection = await JanusConnection.connect({
      url: urls.http,
      apiSecret: secrets.apiSecret,
      origin,
    });
    try {
      const session = await connection.createSession();
      const streaming = await session.attachStreaming({ adminKey: secrets.streamingAdminKey });
      return (await streaming.list()).map((m) => Number(m.id)).sort((a, b) => a - b);
    } finally {
      await connection.close();
    }
  }

  it('Janus SIGKILLed: the gateway restarts it and the station puts every mountpoint back', async () => {
    const expected = await addLabCameras(running, lab(), ['east', 'west']);
    expect(await mountpointIds()).toEqual(expected);

    const pid = gateway.status().pid;
    expect(pid).toEqual(expect.any(Number));
    process.kill(pid ?? 0, 'SIGKILL');

    await eventually(
      () => Promise.resolve(gatewayEvents.some((e) => e.type === 'restarted') || undefined),
      15_000,
    );
    expect(gateway.status().pid).not.toBe(pid);
    expect(
      await eventually(async () => {
        const ids = await mountpointIds();
        return ids.length === expected.length ? ids : undefined;
      }, 20_000),
    ).toEqual(expected);
    await eventually(async () => {
      const health = (await (await running.call('/health')).json()) as { active_cameras: number };
      return health.active_cameras === 2 ? true : undefined;
    }, 30_000);
  });
});
