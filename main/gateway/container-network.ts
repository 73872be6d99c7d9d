// How the Janus container reaches the network. Linux: host networking, so Janus listens on the host's
// 127.0.0.1 like the native one and offers the host's own addresses as ICE candidates (WebRTC media on UDP
// port ranges is what Docker's port publishing handles worst). Elsewhere (Docker Desktop has no host
// networking): Janus listens on all of the container's addresses, its APIs are published on the host's
// 127.0.0.1 and its UDP ranges port by port, which is why those ranges must stay small there.
import { GatewaySettingsError } from './errors';
import type { PortRange } from './janus-config';
import type { NativePorts } from './native-ports';

/** The most UDP ports the gateway publishes one by one (Docker runs a proxy per published port). */
export const MAX_PUBLISHED_UDP_PORTS = 500;

/** Janus's UDP ranges in a container on a platform without host networking (100 ports each). */
export const PUBLISHED_PORT_RANGES = {
  media: { min: 10000, max: 10099 },
  streaming: { min: 20000, max: 20099 },
} as const;

/** What decides the container's networking. */
export interface ContainerNetworkInput {
  platform: NodeJS.Platform;
  ports: NativePorts;
  mediaRtpPortRange: PortRange;
  streamingRtpPortRange: PortRange;
}

/** One published port: where on the host. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/** The container settings that follow from the choice. */
export interface ContainerNetwork {
  /** The address Janus's APIs listen on inside the container. */
  listenIp: string;
  /** HostConfig.NetworkMode. */
  networkMode: 'host' | 'bridge';
  /** HostConfig.PortBindings (bridge only), keyed `PORT/tcp` or `PORT/udp`. */
  portBindings: Record<string, PortBinding[]>;
  /** Config.ExposedPorts (bridge only), the same keys. */
  exposedPorts: Record<string, Record<string, never>>;
}

/** Host networking on Linux; explicit bindings of the API ports (127.0.0.1) and UDP ranges elsewhere. */
export function containerNetwork(input: ContainerNetworkInput): ContainerNetwork {
  if (input.platform === 'linux') {
    return { listenIp: '127.0.0.1', networkMode: 'host', portBindings: {}, exposedPorts: {} };
  }
  const portBindings: Record<string, PortBinding[]> = {};
  const apiPorts = [input.ports.http, input.ports.ws, input.ports.adminHttp, input.ports.adminWs];
  for (const port of apiPorts) {
    if (port !== undefined) portBindings[`${port}/tcp`] = [{ HostIp: '127.0.0.1', HostPort: String(port) }];
  }
  const ranges = [
    ['--janus-rtp-ports', input.mediaRtpPortRange],
    ['--janus-streaming-ports', input.streamingRtpPortRange],
  ] as const;
  const udpCount = ranges.reduce((sum, [, range]) => sum + range.max - range.min + 1, 0);
  if (udpCount > MAX_PUBLISHED_UDP_PORTS) {
    const size = (range: PortRange): number => range.max - range.min + 1;
    const [flag, range] = size(ranges[0][1]) >= size(ranges[1][1]) ? ranges[0] : ranges[1];
    throw new GatewaySettingsError(
      flag,
      `the Janus container would publish ${udpCount} UDP ports one by one (${flag} is ${range.min}-${range.max}): ` +
        `without host networking keep both ranges at ${MAX_PUBLISHED_UDP_PORTS} ports or fewer in all, ` +
        `e.g. ${PUBLISHED_PORT_RANGES.media.min}-${PUBLISHED_PORT_RANGES.media.max}`,
    );
  }
  for (const [, range] of ranges) {
    for (let port = range.min; port <= range.max; port++) {
      portBindings[`${port}/udp`] = [{ HostIp: '', HostPort: String(port) }];
    }
  }
  const exposedPorts = Object.fromEntries(Object.keys(portBindings).map((key) => [key, {}]));
  return { listenIp: '0.0.0.0', networkMode: 'bridge', portBindings, exposedPorts };
}
