// The container gateway on a real Docker engine: the lab's own dockerd (npm run lab -- run --docker), whose
// network stack is the lab namespace, and its Debian forky base made with debootstrap (images cannot be
// pulled here). The image is built through the Engine API, a station puts the lab cameras on the container's
// Janus, `docker kill` ends Janus, and the supervisor's new container gets every mountpoint back with video;
// then the station switches to a native Janus and back to the container at runtime.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Docker from 'dockerode';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createContainerGateway,
  type ContainerGateway,
  type ContainerGatewayOptions,
} from '../../../main/gateway/container-janus';
import { ensureJanusImage } from '../../../main/gateway/container-image';
import { CONTAINER_LABEL } from '../../../main/gateway/container-run';
import { connectDocker, type DockerHost } from '../../../main/gateway/docker-engine';
import { JanusImageError } from '../../../main/gateway/errors';
import type { GatewayEndpoints, GatewayEvent } from '../../../main/gateway/gateway';
import { GatewaySwitcher } from '../../../main/station/gateway-switcher';
import type { LabJson } from '../../lab';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import {
  addLabCameras,
  freshDataDir,
  labNativeGateway,
  removeDataDir,
  startStation,
  type RunningStation,
} from '../station/harness';
import { mountpointAges } from '../station/janus-view';

const lab = useLab({ cameras: 2, auth: 'digest' });
const logger = pino({ level: 'silent' });
/** Video younger than this is flowing (25 fps: a frame every 40 ms). */
const FRESH_MS = 500;

/** The lab's Docker engine and base image, or an error saying how to get them. */
function labDocker(): { host: DockerHost; baseImage: string; json: LabJson['docker'] } {
  const address = process.env.LAB_DOCKER_HOST;
  const baseImage = process.env.LAB_DOCKER_BASE_IMAGE;
  if (address === undefined || baseImage === undefined) {
    throw new Error(
      'this test needs the lab\'s Docker engine: run it with "npm run lab -- run --docker -- …" ' +
        '(npm run test:integration does)',
    );
  }
  const json = (JSON.parse(process.env.LAB_JSON ?? '{}') as Partial<LabJson>).docker;
  return { host: { address, setting: 'LAB_DOCKER_HOST' }, baseImage, json };
}

describe('the container gateway on the lab Docker engine', () => {
  const timings: Record<string, number | string> = {};
  const events: GatewayEvent[] = [];
  let docker: Docker;
  let dataDir: string;
  let gateway: ContainerGateway;
  let running: RunningStation | undefined;
  let expected: number[] = [];

  /** The ids of the mountpoints on `endpoints` whose video is fresh, once all expected ones are. */
  function flowing(endpoints: GatewayEndpoints): () => Promise<number[] | undefined> {
    return async () => {
      const ages = await mountpointAges(endpoints);
      const fresh = ages.filter((m) => m.ageMs !== undefined && m.ageMs < FRESH_MS).map((m) => m.id);
      return fresh.length === expected.length ? fresh : undefined;
    };
  }

  beforeAll(async () => {
    const { host, baseImage, json } = labDocker();
    if (json !== undefined) {
      Object.assign(timings, {
        base: json.base_cached ? 'cached tarball' : 'built by this run',
        debootstrap: json.timings_ms.debootstrap,
        base_packages: json.timings_ms.base_packages,
        base_tar: json.timings_ms.base_tar,
        dockerd_start: json.timings_ms.dockerd_start,
        import: json.timings_ms.import,
      });
    }
    docker = await connectDocker(host);
    const image = await ensureJanusImage(docker, { baseImage }, logger);
    timings.image_build = image.built ? image.buildMs : 'already built';
    dataDir = await freshDataDir();
    const options: ContainerGatewayOptions = {
      dataDir,
      origin: 'http://127.0.0.1:3000',
      logger,
      docker: host,
      image: { baseImage },
      ports: await freePorts(['http', 'ws', 'adminHttp'] as const),
      iceInterface: LAB_ICE_ADDRESS,
      iceEnforceList: LAB_ICE_INTERFACE,
      mediaRtpPortRange: { min: 33000, max: 33999 },
      streamingRtpPortRange: { min: 34000, max: 34999 },
    };
    gateway = createContainerGateway(options);
    gateway.onEvent((event) => events.push(event));
    const began = performance.now();
    await gateway.start();
    timings.container_start_to_janus_info = Math.round(performance.now() - began);
  }, 240_000);

  afterAll(async () => {
    await running?.stop({ removeMountpoints: true });
    await gateway.stop();
    await removeDataDir(dataDir);
    console.log(`container gateway timings (ms): ${JSON.stringify(timings)}`);
  });

  it('runs Janus >= 1.3.3 with only the streaming plugin and the HTTP and WebSocket transports', async () => {
    const { urls, origin } = gateway.endpoints;
    const info = (await (await fetch(`${urls.http}/info`, { headers: { origin: origin ?? '' } })).json()) as {
      version: number;
      plugins: Record<string, unknown>;
      transports: Record<string, unknown>;
    };
    expect(info.version).toBeGreaterThanOrEqual(1303);
    expect(Object.keys(info.plugins)).toEqual(['janus.plugin.streaming']);
    expect(Object.keys(info.transports).sort()).toEqual([
      'janus.transport.http',
      'janus.transport.websockets',
    ]);
    const container = await docker.getContainer(gateway.status().containerId ?? '').inspect();
    expect(container.Config.User).not.toMatch(/^(0|root)?(:|$)/);
    expect(container.HostConfig.NetworkMode).toBe('host');
    expect(container.HostConfig.ReadonlyRootfs).toBe(true);
    expect(container.Mounts).toEqual([expect.objectContaining({ Destination: '/janus-config', RW: false })]);
  });

  it('docker kill: the supervisor starts a new container and every mountpoint comes back with video', async () => {
    running = await startStation(gateway.endpoints, dataDir);
    expected = await addLabCameras(running, lab(), ['north', 'south']);
    expect(await eventually(flowing(gateway.endpoints), 15_000)).toEqual(expected);

    const killed = gateway.status().containerId ?? '';
    const began = performance.now();
    await docker.getContainer(killed).kill();
    await eventually(() => Promise.resolve(events.find((e) => e.type === 'restarted')), 30_000);
    timings.kill_to_janus_back = Math.round(performance.now() - began);
    expect(await eventually(flowing(gateway.endpoints), 30_000)).toEqual(expected);
    timings.kill_to_mountpoints_flowing = Math.round(performance.now() - began);

    expect(events.map((e) => e.type)).toEqual(['exited', 'restarted']);
    expect(events[0]).toMatchObject({ type: 'exited', code: null, signal: 'SIGKILL' });
    expect(gateway.status().containerId).not.toBe(killed);
    await expect(docker.getContainer(killed).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('switching to native and back at runtime: the container goes, the mountpoints follow each time', async () => {
    const station = running?.station;
    if (station === undefined) throw new Error('the previous test starts the station');
    const switcher = new GatewaySwitcher({ target: station, gateway, logger });
    const native = await labNativeGateway(dataDir, logger);
    let began = performance.now();
    await switcher.switchTo(native);
    timings.switch_container_to_native = Math.round(performance.now() - began);
    expect(await eventually(flowing(native.endpoints), 15_000)).toEqual(expected);
    const left = await docker.listContainers({ all: true, filters: { label: [CONTAINER_LABEL] } });
    expect(left).toEqual([]);

    began = performance.now();
    await switcher.switchTo(gateway);
    timings.switch_native_to_container = Math.round(performance.now() - began);
    expect(await eventually(flowing(gateway.endpoints), 15_000)).toEqual(expected);
    expect(native.status().state).toBe('stopped');
  });

  it('stop() removes the container', async () => {
    await running?.stop({ removeMountpoints: true });
    running = undefined;
    await gateway.stop();
    const left = await docker.listContainers({ all: true, filters: { label: [CONTAINER_LABEL] } });
    expect(left).toEqual([]);
  });

  it('a Dockerfile that does not build fails with JanusImageError and the build output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bad-dockerfile-'));
    try {
      const { baseImage } = labDocker();
      await writeFile(join(dir, 'Dockerfile'), `FROM ${baseImage}\nRUN echo no janus here >&2 && false\n`);
      const error = await ensureJanusImage(docker, { dockerfileDir: dir }, logger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JanusImageError);
      expect(error).toMatchObject({ code: 'VIGIL_ERR_JANUS_IMAGE', setting: 'the Janus base image' });
      expect((error as Error).message).toContain('no janus here');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
