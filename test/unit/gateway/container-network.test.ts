import { describe, expect, it } from 'vitest';

import {
  containerNetwork,
  MAX_PUBLISHED_UDP_PORTS,
  PUBLISHED_PORT_RANGES,
} from '../../../main/gateway/container-network';
import { GatewaySettingsError } from '../../../main/gateway/errors';

const input = {
  ports: { http: 8088, ws: 8188, adminHttp: 7088 },
  mediaRtpPortRange: PUBLISHED_PORT_RANGES.media,
  streamingRtpPortRange: PUBLISHED_PORT_RANGES.streaming,
};

describe('containerNetwork', () => {
  it('uses host networking on Linux: Janus on 127.0.0.1, nothing published', () => {
    expect(containerNetwork({ ...input, platform: 'linux' })).toEqual({
      listenIp: '127.0.0.1',
      networkMode: 'host',
      portBindings: {},
      exposedPorts: {},
    });
  });

  it.each(['darwin', 'win32'] as const)('publishes ports explicitly on %s', (platform) => {
    const network = containerNetwork({ ...input, platform });
    expect(network.networkMode).toBe('bridge');
    expect(network.listenIp).toBe('0.0.0.0');
    for (const port of [8088, 8188, 7088]) {
      expect(network.portBindings[`${port}/tcp`]).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);
    }
    expect(network.portBindings['10000/udp']).toEqual([{ HostIp: '', HostPort: '10000' }]);
    expect(network.portBindings['10099/udp']).toBeDefined();
    expect(network.portBindings['10100/udp']).toBeUndefined();
    expect(network.portBindings['20099/udp']).toBeDefined();
    expect(Object.keys(network.portBindings)).toHaveLength(3 + 200);
    expect(Object.keys(network.exposedPorts)).toEqual(Object.keys(network.portBindings));
  });

  it('publishes the admin WebSocket port when it is on', () => {
    const network = containerNetwork({
      ...input,
      platform: 'darwin',
      ports: { ...input.ports, adminWs: 7188 },
    });
    expect(network.portBindings['7188/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: '7188' }]);
  });

  it('refuses UDP ranges too large to publish port by port, naming the larger range flag', () => {
    const wide = { ...input, platform: 'darwin' as const, mediaRtpPortRange: { min: 10000, max: 19999 } };
    expect(() => containerNetwork(wide)).toThrow(GatewaySettingsError);
    expect(() => containerNetwork(wide)).toThrow(/--janus-rtp-ports is 10000-19999/);
    try {
      containerNetwork(wide);
    } catch (error) {
      expect(error).toMatchObject({ setting: '--janus-rtp-ports', code: 'VIGIL_ERR_JANUS_SETTINGS' });
    }
    const atLimit = { min: 20000, max: 20000 + MAX_PUBLISHED_UDP_PORTS - 101 };
    expect(() =>
      containerNetwork({ ...input, platform: 'darwin', streamingRtpPortRange: atLimit }),
    ).not.toThrow();
  });

  it('does not care about range sizes with host networking', () => {
    const wide = { ...input, platform: 'linux' as const, mediaRtpPortRange: { min: 10000, max: 19999 } };
    expect(containerNetwork(wide).networkMode).toBe('host');
  });
});
