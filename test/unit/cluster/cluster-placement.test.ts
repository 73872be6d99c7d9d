import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ClusterPlacement, placementCameras } from '../../../main/cluster/cluster-placement';
import { systemClock } from '../../../main/janus';
import type { CameraMove } from '../../../main/station/placement';
import type { StoredCamera } from '../../../main/store/stored-camera';
import { FakeBoard, FakeRegistry, gatewayRecord, storedCamera, wrapCipher } from './cluster-fakes';

const GATEWAYS = ['g1', 'g2', 'g3'];
const IDS = Array.from({ length: 30 }, (_, i) => `cam-${i + 1}`);

describe('ClusterPlacement', () => {
  let registry: FakeRegistry;
  let board: FakeBoard;
  let cameras: readonly StoredCamera[];
  let moves: CameraMove[][];
  const placements: ClusterPlacement[] = [];

  const placementOf = (gatewayId: string, holdLiveness?: () => boolean): ClusterPlacement => {
    const placement = new ClusterPlacement({
      holdLiveness,
      gatewayId,
      registry,
      board,
      cameras: () => cameras,
      cipher: wrapCipher,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
    });
    placement.start();
    placements.push(placement);
    return placement;
  };
  const beatAll = (except: string[] = []) => {
    for (const id of GATEWAYS) if (!except.includes(id)) registry.beat(gatewayRecord(id));
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    registry = new FakeRegistry(() => Date.now());
    board = new FakeBoard();
    cameras = IDS.map((id) => storedCamera(id));
    moves = [];
    beatAll();
  });
  afterEach(() => {
    for (const placement of placements.splice(0)) placement.stop();
    vi.useRealTimers();
  });

  it('places every enabled camera on a live gateway; every station computes the same', () => {
    cameras = [...cameras, storedCamera('off', { enabled: false })];
    const [a, b] = [placementOf('g1'), placementOf('g2')];
    for (const id of IDS) {
      expect(GATEWAYS).toContain(a.gatewayIdOf(id));
      expect(b.gatewayIdOf(id)).toBe(a.gatewayIdOf(id));
      expect(a.holds(id)).toBe(a.gatewayIdOf(id) === 'g1');
    }
    // A disabled camera is on no gateway, and each station answers for it itself.
    expect(a.gatewayIdOf('off')).toBeNull();
    expect(a.holds('off') && b.holds('off')).toBe(true);
    const byGateway = a.camerasByGateway();
    expect(GATEWAYS.map((g) => byGateway.get(g)?.length ?? 0).reduce((x, y) => x + y)).toBe(IDS.length);
  });

  it('refuses new viewers of the cameras of a gateway at its most viewers, saying which and why', () => {
    const a = placementOf('g1');
    const onG2 = IDS.find((id) => a.gatewayIdOf(id) === 'g2') ?? '';
    const onG3 = IDS.find((id) => a.gatewayIdOf(id) === 'g3') ?? '';
    registry.beat(gatewayRecord('g2', { max_viewers: 40, load: { cameras: 10, viewers: 40 } }));
    registry.beat(gatewayRecord('g3', { max_viewers: 40, load: { cameras: 10, viewers: 39 } }));
    expect(a.refusesViewers(onG2)).toBe(
      'Gateway g2 serves its most viewers (40, its --gateway-max-viewers): try again later, or give that gateway more room',
    );
    expect(a.refusesViewers(onG3)).toBeUndefined();
  });

  it('a gateway that says down moves only its own cameras, at once, to live gateways', async () => {
    const a = placementOf('g1');
    a.onMoved((m) => moves.push([...m]));
    const onG3 = IDS.filter((id) => a.gatewayIdOf(id) === 'g3');
    expect(onG3.length).toBeGreaterThan(0);
    registry.beat(gatewayRecord('g3', { state: 'down' }));
    await Promise.resolve();
    expect(moves).toHaveLength(1);
    expect(moves[0]?.map((m) => m.camera_id).sort()).toEqual([...onG3].sort());
    for (const move of moves[0] ?? []) {
      expect(move.from).toBe('g3');
      expect(['g1', 'g2']).toContain(move.to);
    }
  });

  it('a gateway whose heartbeat stops is given up after the TTL (3 s), seen by the 500 ms poll', async () => {
    const a = placementOf('g1');
    a.onMoved((m) => moves.push([...m]));
    const onG2 = IDS.filter((id) => a.gatewayIdOf(id) === 'g2');
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(500);
      beatAll(['g2']);
    }
    expect(moves).toEqual([]); // 2.5 s: still live
    for (let i = 0; i < 2; i++) {
      await vi.advanceTimersByTimeAsync(500);
      beatAll(['g2']);
    }
    expect(
      moves
        .flat()
        .map((m) => m.camera_id)
        .sort(),
    ).toEqual([...onG2].sort());
    expect(IDS.every((id) => a.gatewayIdOf(id) !== 'g2')).toBe(true);
  });

  it('moves nothing while liveness is held (NATS away: no heartbeat arrives), and follows again after', async () => {
    let held = false;
    const a = placementOf('g1', () => held);
    a.onMoved((m) => moves.push([...m]));
    const before = IDS.map((id) => a.gatewayIdOf(id));
    held = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(moves).toEqual([]);
    expect(IDS.map((id) => a.gatewayIdOf(id))).toEqual(before);
    // Back, heartbeats resumed except g3's: g3's cameras move, nothing else.
    beatAll(['g3']);
    held = false;
    await vi.advanceTimersByTimeAsync(500);
    expect(moves.flat().every((m) => m.from === 'g3')).toBe(true);
    expect(moves.flat()).toHaveLength(before.filter((g) => g === 'g3').length);
  });

  it('while liveness is held, a gateway whose station says its Janus is down still loses its cameras', async () => {
    const a = placementOf('g1', () => true);
    a.onMoved((m) => moves.push([...m]));
    const onG2 = IDS.filter((id) => a.gatewayIdOf(id) === 'g2');
    registry.beat(gatewayRecord('g2', { state: 'down' }));
    await vi.advanceTimersByTimeAsync(500);
    expect(
      moves
        .flat()
        .map((m) => m.camera_id)
        .sort(),
    ).toEqual([...onG2].sort());
  });

  it('a camera added here is placed at once; its holder hears it as a move from no gateway', async () => {
    const a = placementOf('g1');
    a.onMoved((m) => moves.push([...m]));
    cameras = [...cameras, storedCamera('new-one')];
    const to = a.gatewayIdOf('new-one');
    expect(GATEWAYS).toContain(to);
    await Promise.resolve();
    expect(moves).toEqual([[{ camera_id: 'new-one', from: null, to }]]);
  });

  it('keeps pins, and a camera that may never fail over is on no gateway while its own is dead', async () => {
    cameras = [
      storedCamera('pinned', { placement: { gateway_id: 'g2' } }),
      storedCamera('stays', { placement: { gateway_id: 'g3', failover: 'never' } }),
      storedCamera('moves', { placement: { gateway_id: 'g3', failover: 'high' } }),
    ];
    const a = placementOf('g1');
    expect([a.gatewayIdOf('pinned'), a.gatewayIdOf('stays'), a.gatewayIdOf('moves')]).toEqual([
      'g2',
      'g3',
      'g3',
    ]);
    registry.beat(gatewayRecord('g3', { state: 'down' }));
    await Promise.resolve();
    expect(a.gatewayIdOf('stays')).toBeNull();
    expect(['g1', 'g2']).toContain(a.gatewayIdOf('moves'));
    expect(placementCameras(cameras).map((c) => [c.id, c.pinnedTo, c.failover])).toEqual([
      ['pinned', 'g2', 'normal'],
      ['stays', 'g3', 'never'],
      ['moves', 'g3', 'high'],
    ]);
  });

  it('relays viewers to the holding gateway, its secrets unsealed with the cluster key', async () => {
    const a = placementOf('g1');
    await vi.advanceTimersByTimeAsync(0);
    const id = IDS.find((cameraId) => a.gatewayIdOf(cameraId) === 'g2') as string;
    expect(a.endpointsOf(id)).toEqual({
      urls: { http: 'http://g2/janus', ws: 'ws://g2/janus', adminHttp: 'http://g2/admin' },
      secrets: { adminSecret: 'admin-g2', streamingAdminKey: 'key-g2' },
    });
    expect(a.endpointsOf('unknown')).toBeUndefined();
  });

  it("reads another gateway's camera health only from the gateway holding it, written since it came there", async () => {
    const a = placementOf('g1');
    const heard: string[] = [];
    a.onRemoteHealth((cameraId, health) => heard.push(`${cameraId}:${health.state}`));
    const id = IDS.find((cameraId) => a.gatewayIdOf(cameraId) === 'g2') as string;
    const at = new Date(Date.now()).toISOString();
    const health = { state: 'live' as const, since: at, viewers: 2, reconnects: 0, at };
    await board.put(id, { ...health, gateway_id: 'g3' });
    expect(a.remoteHealth(id)).toBeUndefined();
    await board.put(id, { ...health, gateway_id: 'g2' });
    expect(a.remoteHealth(id)).toMatchObject({ state: 'live', viewers: 2 });
    expect(heard).toEqual([`${id}:live`]);

    // g2 goes down: the camera moves; g2's old 'live' no longer counts, nor does an old entry of its new gateway.
    const old = new Date(Date.now() - 10_000).toISOString();
    registry.beat(gatewayRecord('g2', { state: 'down' }));
    const now = a.gatewayIdOf(id) as string;
    expect(a.remoteHealth(id)).toBeUndefined();
    await board.put(id, { ...health, at: old, gateway_id: now });
    expect(a.remoteHealth(id)).toBeUndefined();
  });
});
