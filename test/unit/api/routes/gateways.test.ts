import { afterEach, describe, expect, it } from 'vitest';

import type { GatewayView } from '../../../../common/gateways';
import { clusterGatewayService } from '../../../../main/cluster/gateway-service';
import { errorOf, headers, json, makeApi, type TestApi } from '../fixtures';
import { gatewayRecord } from '../../cluster/cluster-fakes';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.app.close();
  api = undefined;
});

describe('/gateways', () => {
  it("lists a single station's own Janus with every enabled camera (manage keys only)", async () => {
    api = await makeApi();
    await api.station.addCamera({ camera_id: 'lobby', name: 'Lobby', rtsp_url: 'rtsp://127.0.0.1/a' });
    const refused = await api.app.inject({ url: '/gateways', headers: headers('view') });
    expect(refused.statusCode).toBe(403);
    const response = await api.app.inject({ url: '/gateways', headers: headers('manage') });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual([
      {
        gateway_id: 'local',
        station_id: null,
        state: 'up',
        live: true,
        cameras: { count: 1, ids: ['lobby'] },
        viewers: 0,
        weight: 1,
        capacity: { max_cameras: null, max_viewers: null },
        heartbeat_age_ms: null,
      },
    ]);
    const forget = await api.app.inject({
      method: 'DELETE',
      url: '/gateways/local',
      headers: headers('manage'),
    });
    expect(forget.statusCode).toBe(409);
    expect(errorOf(forget)).toMatchObject({ code: 'VIGIL_ERR_CONFLICT', field: 'gateway_id' });
  });

  it("lists the cluster's gateways with their cameras, load and heartbeat age", async () => {
    const forgotten: string[] = [];
    const gateways = clusterGatewayService({
      registry: {
        list: () => [
          { record: gatewayRecord('g1', { load: { cameras: 2, viewers: 5 } }), storedAt: 9_000, live: true },
          { record: gatewayRecord('g2', { state: 'down' }), storedAt: 4_000, live: false },
        ],
        forget: (gatewayId) => {
          forgotten.push(gatewayId);
          return Promise.resolve();
        },
      },
      camerasByGateway: () => new Map([['g1', ['b', 'a']]]),
      now: () => 10_000,
    });
    api = await makeApi({ gateways });
    const listed = json(
      await api.app.inject({ url: '/gateways', headers: headers('manage') }),
    ) as GatewayView[];
    expect(
      listed.map((g) => [g.gateway_id, g.state, g.live, g.cameras, g.viewers, g.heartbeat_age_ms]),
    ).toEqual([
      ['g1', 'up', true, { count: 2, ids: ['a', 'b'] }, 5, 1_000],
      ['g2', 'down', false, { count: 0, ids: [] }, 0, 6_000],
    ]);
    expect(listed[0]).toMatchObject({
      station_id: 'station-g1',
      weight: 1,
      capacity: { max_cameras: 100, max_viewers: 100 },
    });
    const forget = await api.app.inject({
      method: 'DELETE',
      url: '/gateways/g2',
      headers: headers('manage'),
    });
    expect(json(forget)).toEqual({ message: 'Gateway g2 forgotten' });
    expect(forgotten).toEqual(['g2']);
    const bad = await api.app.inject({
      method: 'DELETE',
      url: '/gateways/no%20such',
      headers: headers('manage'),
    });
    expect(bad.statusCode).toBe(400);
  });
});
